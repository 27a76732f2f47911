package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The data plane against the real sandbox: what a caller sees for each outcome. */
class ProxyBasicsTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  static AccountService.NewAccount alice;
  static AccountService.NewAccount bob;
  static String aliceConnection;

  @BeforeAll
  static void connect() {
    alice = FIX.newAccount("alice");
    bob = FIX.newAccount("bob");
    aliceConnection = DirectConnections.activate(FIX, alice.account().id());
  }

  @Test
  void forwardsToTheUpstreamWithTheConnectionsToken() {
    TestHttp.Reply r = FIX.as(alice.key().secret()).get("/keap/crm/rest/v2/oauth/connect/userinfo");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("tenant_id").asText())
        .isEqualTo(dev.keapgw.sandbox.Sandbox.tenantId(1));
    assertThat(r.header("x-keap-tenant-id")).isNotNull();
    assertThat(r.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void upstreamErrorsPassThroughAsTheyAre() {
    TestHttp.Reply r = FIX.as(alice.key().secret()).get("/keap/crm/rest/v2/users/999999");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("status").asText()).isEqualTo("NOT_FOUND"); // Keap's envelope, not ours
  }

  @Test
  void missingOrBadKeyIs401InTheEnvelope() {
    TestHttp.Reply none = FIX.anonymous().get("/keap/crm/rest/v2/users");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().at("/error/type").asText()).isEqualTo("unauthorized");
    TestHttp.Reply bad = FIX.as("kgw_not-a-key").get("/keap/crm/rest/v2/users");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.body()).doesNotContain("kgw_not-a-key");
  }

  @Test
  void noActiveConnectionIs400() {
    TestHttp.Reply r = FIX.as(bob.key().secret()).get("/keap/crm/rest/v2/users");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("no_active_connection");
  }

  @Test
  void unknownAppIs400() {
    TestHttp.Reply r = FIX.as(alice.key().secret()).get("/crm/rest/v2/users");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("unknown_app");
  }

  @Test
  void anotherAccountsConnectionAnswersExactlyLikeAnUnknownOne() {
    String unknown = "00000000-0000-4000-8000-000000000000";
    TestHttp bobs = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of(
            "Authorization", "Bearer " + bob.key().secret(), "Maton-Connection", aliceConnection));
    TestHttp bobsUnknown = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + bob.key().secret(), "Maton-Connection", unknown));
    TestHttp.Reply theirs = bobs.get("/keap/crm/rest/v2/users");
    TestHttp.Reply none = bobsUnknown.get("/keap/crm/rest/v2/users");
    assertThat(theirs.status()).isEqualTo(404).isEqualTo(none.status());
    assertThat(theirs.json().at("/error/message").asText().replace(aliceConnection, "ID"))
        .isEqualTo(none.json().at("/error/message").asText().replace(unknown, "ID"));
  }

  @Test
  void dotSegmentsAndEncodedSlashesAreRefused() {
    TestHttp a = FIX.as(alice.key().secret());
    assertThat(a.get("/keap/crm/rest/v2/../../admin").status()).isIn(400, 404);
    assertThat(a.get("/keap/crm/rest/v2/users%2F..%2F..").status()).isEqualTo(400);
    assertThat(a.get("/keap//evil.example/x").status()).isEqualTo(400);
  }
}
