package dev.keapgw.client.users;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Users of the Keap account: {@code /v2/users} (pages of 1 to 100), and who the credential is. */
public final class UsersApi {
  private final ResourceCalls<User> calls;

  public UsersApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/users", "users", User.class);
  }

  /** {@code GET /v2/users}. */
  public Paged<User> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<User> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/users/{id}}. */
  public User get(String id) {
    return calls.get(id);
  }

  /** {@code GET /v2/oauth/connect/userinfo}: the user and Keap account the credential acts as. */
  public UserInfo me() {
    return calls.api().get("/v2/oauth/connect/userinfo", UserInfo.class);
  }
}
