package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Seed operations on users and the token's userinfo. */
final class UserOperations {
  private UserOperations() {}

  static List<SeedCall> all() {
    return List.of(
        new SeedCall(
            "GET",
            "/rest/v2/users",
            d -> d.get("/users?page_size=2&order_by=name%20asc")
                .then(body -> assertThat(body.path("users")).hasSize(2))),
        new SeedCall("GET", "/rest/v2/users/{user_id}", d -> {
          String id = d.user();
          return d.get("/users/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "GET",
            "/rest/v2/oauth/connect/userinfo",
            d -> d.get("/oauth/connect/userinfo")
                .then(body -> assertThat(body.path("sub").asText()).isNotEmpty())));
  }
}
