package dev.keapgw.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RoutesTest {
  private static final Handler ADD = r -> KeapResponse.empty(200);
  private static final Handler PLAIN = r -> KeapResponse.empty(204);

  private final Routes routes = new Routes("/v2")
      .post("/seq/{sequence_id}", PLAIN)
      .post("/seq/{sequence_id}:addContacts", ADD);

  @Test
  void captureWithCustomMethodBindsTheIdWithoutTheSuffix() {
    Routes.Match m = routes.match("POST", "/v2/seq/42:addContacts");
    assertThat(m).isInstanceOf(Routes.Found.class);
    Routes.Found f = (Routes.Found) m;
    assertThat(f.handler()).isSameAs(ADD);
    assertThat(f.params()).containsEntry("sequence_id", "42");
  }

  @Test
  void anotherCustomMethodOrAnEmptyIdDoesNotMatchTheSuffixedRoute() {
    assertThat(((Routes.Found) routes.match("POST", "/v2/seq/42:removeContacts")).handler())
        .isSameAs(PLAIN);
    Routes.Match empty = routes.match("POST", "/v2/seq/:addContacts");
    assertThat(((Routes.Found) empty).handler()).isSameAs(PLAIN);
    assertThat(new Routes("/v2")
            .post("/seq/{id}:addContacts", ADD)
            .match("POST", "/v2/seq/:addContacts"))
        .isInstanceOf(Routes.NoPath.class);
  }

  @Test
  void otherMethodOnASuffixedRouteIs405() {
    assertThat(new Routes("/v2")
            .post("/seq/{id}:addContacts", ADD)
            .match("GET", "/v2/seq/1:addContacts"))
        .isInstanceOf(Routes.NoMethod.class);
  }
}
