package dev.keapgw.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AutoApprovalTest {
  @RegisterExtension
  static final SandboxFixture FIX =
      new SandboxFixture(SandboxFixture.testConfig().withAutoApprove(true));

  private final OAuthFlow oauth = new OAuthFlow(FIX);

  @BeforeEach
  void resetApproval() {
    assertThat(FIX.anonymous().delete("/_sandbox/oauth/approval").status()).isEqualTo(204);
  }

  @Test
  void approvesAtOnceForTheFirstTenantsAdmin() {
    TestHttp.Reply r = oauth.authorize("a1");
    assertThat(r.status()).isEqualTo(302);
    Map<String, String> q = OAuthFlow.query(r.header("Location"));
    assertThat(q.get("state")).isEqualTo("a1");
    TestHttp.Reply me = userInfo(q.get("code"));
    assertThat(me.json().get("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
    assertThat(me.json().get("sub").asText()).isEqualTo("1");
  }

  @Test
  void approvesForTheTenantAndUserATestNames() {
    TestHttp.Reply set = FIX.anonymous()
        .send(
            "PUT",
            "/_sandbox/oauth/approval",
            "application/json",
            "{\"tenant_id\":\"" + Sandbox.tenantId(2) + "\",\"user_id\":\"2\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("tenant_id").asText()).isEqualTo(Sandbox.tenantId(2));
    TestHttp.Reply me =
        userInfo(OAuthFlow.query(oauth.authorize("a2").header("Location")).get("code"));
    assertThat(me.json().get("tenant_id").asText()).isEqualTo(Sandbox.tenantId(2));
    assertThat(me.json().get("sub").asText()).isEqualTo("2");
  }

  @Test
  void canBeToldToDeny() {
    FIX.anonymous().send("PUT", "/_sandbox/oauth/approval", "application/json", "{\"deny\":true}");
    TestHttp.Reply r = oauth.authorize("a3");
    assertThat(r.status()).isEqualTo(302);
    assertThat(OAuthFlow.query(r.header("Location")))
        .containsEntry("error", "access_denied")
        .containsEntry("state", "a3")
        .doesNotContainKey("code");
  }

  @Test
  void refusesToNameATenantOrUserThatDoesNotExist() {
    TestHttp.Reply tenant = FIX.anonymous()
        .send("PUT", "/_sandbox/oauth/approval", "application/json", "{\"tenant_id\":\"kx999\"}");
    assertThat(tenant.status()).isEqualTo(400);
    assertThat(tenant.json().at("/details/0/resource").asText()).isEqualTo("tenant_id");
    TestHttp.Reply user = FIX.anonymous()
        .send("PUT", "/_sandbox/oauth/approval", "application/json", "{\"user_id\":\"999\"}");
    assertThat(user.status()).isEqualTo(400);
    assertThat(user.json().at("/details/0/resource").asText()).isEqualTo("user_id");
  }

  @Test
  void stillNeverRedirectsToAnUnregisteredUri() {
    TestHttp.Reply r =
        oauth.authorize(OAuthFlow.CLIENT, "http://localhost:8080/elsewhere", "code", "full", "s");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Location")).isNull();
  }

  private TestHttp.Reply userInfo(String code) {
    TestHttp.Reply token = oauth.exchange(code);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    TestHttp.Reply me =
        oauth.crm(token.json().get("access_token").asText()).get("/oauth/connect/userinfo");
    assertThat(me.status()).isEqualTo(200);
    return me;
  }
}
