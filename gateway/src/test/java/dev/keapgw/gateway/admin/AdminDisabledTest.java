package dev.keapgw.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminDisabledTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> g.withAdminToken(null));

  @Test
  void withoutAnAdminTokenEveryAdminPathIs404SayingHowToEnableIt() {
    for (TestHttp.Reply r : new TestHttp.Reply[] {
      FIX.admin().get("/admin/accounts"),
      FIX.admin().post("/admin/accounts", Map.of("name", "x")),
      FIX.anonymous().get("/admin"),
      FIX.anonymous().delete("/admin/keys/abc")
    }) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("not_found");
      assertThat(r.json().at("/error/message").asText())
          .contains("admin API is disabled")
          .contains("--admin-token");
    }
    assertThat(FIX.gateway().services().accounts().accounts()).isEmpty();
  }
}
