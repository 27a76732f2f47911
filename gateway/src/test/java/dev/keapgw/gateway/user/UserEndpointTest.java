package dev.keapgw.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserEndpointTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @Test
  void answersTheKeysAccount() {
    AccountService.NewAccount a = FIX.newAccount("Alice Co");
    FIX.newAccount("Bob Co");
    TestHttp.Reply r = FIX.as(a.key().secret()).get("/user");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/account/id").asText()).isEqualTo(a.account().id());
    assertThat(r.json().at("/account/name").asText()).isEqualTo("Alice Co");
    assertThat(r.json().at("/key/id").asText()).isEqualTo(a.key().key().id());
    assertThat(r.body()).doesNotContain(a.key().secret());
  }

  @Test
  void withoutAValidKeyIs401() {
    for (TestHttp client : new TestHttp[] {
      FIX.anonymous(),
      FIX.as("kgw_nope"),
      new TestHttp(FIX.gateway().baseUrl(), Map.of("Authorization", "Basic Zm9vOmJhcg=="))
    }) {
      TestHttp.Reply r = client.get("/user");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("unauthorized");
    }
  }
}
