package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two connections of one account to two Keap accounts (sandbox tenants). */
class TenantRoutingTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  static AccountService.NewAccount acct;
  static String first;
  static String second;

  @BeforeAll
  static void connectTwoTenants() {
    acct = FIX.newAccount("two-tenants");
    first = DirectConnections.activate(FIX, acct.account().id());
    FIX.sandboxControl()
        .send(
            "PUT",
            "/_sandbox/oauth/approval",
            "application/json",
            "{\"tenant_id\":\"" + Sandbox.tenantId(2) + "\"}");
    second = DirectConnections.activate(FIX, acct.account().id());
  }

  @AfterAll
  static void reset() {
    FIX.sandboxControl().delete("/_sandbox/oauth/approval");
  }

  @Test
  void matonConnectionReachesThatConnectionsTenant() {
    assertThat(tenantVia(second)).isEqualTo(Sandbox.tenantId(2));
    assertThat(tenantVia(first)).isEqualTo(Sandbox.tenantId(1));
  }

  @Test
  void withoutTheHeaderTheOldestActiveConnectionIsUsed() {
    TestHttp.Reply r = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/oauth/connect/userinfo");
    assertThat(r.json().get("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
  }

  @Test
  void eachTenantSeesItsOwnData() {
    String created = new TestHttp(
            FIX.gateway().baseUrl(),
            Map.of("Authorization", "Bearer " + acct.key().secret(), "Maton-Connection", second))
        .post("/keap/crm/rest/v2/tags", "{\"name\":\"only-in-tenant-2\"}")
        .json()
        .get("id")
        .asText();
    TestHttp viaSecond = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + acct.key().secret(), "Maton-Connection", second));
    TestHttp viaFirst = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + acct.key().secret(), "Maton-Connection", first));
    assertThat(viaSecond
            .get("/keap/crm/rest/v2/tags/" + created)
            .json()
            .get("name")
            .asText())
        .isEqualTo("only-in-tenant-2");
    String inFirst = viaFirst.get("/keap/crm/rest/v2/tags/" + created).body();
    assertThat(inFirst).doesNotContain("only-in-tenant-2");
  }

  private static String tenantVia(String connection) {
    TestHttp t = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + acct.key().secret(), "Maton-Connection", connection));
    TestHttp.Reply r = t.get("/keap/crm/rest/v2/oauth/connect/userinfo");
    assertThat(r.status()).isEqualTo(200);
    return r.json().get("tenant_id").asText();
  }
}
