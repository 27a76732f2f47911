package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection deleted through this gateway stops serving at once: the data plane's cached
 * choice and token for it are forgotten when the store changes, not a second later.
 */
class ConnectionChangeTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  static final String USERINFO = "/keap/crm/rest/v2/oauth/connect/userinfo";

  @AfterAll
  static void reset() {
    FIX.sandboxControl().delete("/_sandbox/oauth/approval");
  }

  @Test
  void theRequestRightAfterADeleteUsesTheNextConnection() {
    AccountService.NewAccount acct = FIX.newAccount("deletes");
    String first = DirectConnections.activate(FIX, acct.account().id());
    FIX.sandboxControl()
        .send(
            "PUT",
            "/_sandbox/oauth/approval",
            "application/json",
            "{\"tenant_id\":\"" + Sandbox.tenantId(2) + "\"}");
    DirectConnections.activate(FIX, acct.account().id());
    TestHttp caller = FIX.as(acct.key().secret());
    // the default (oldest ACTIVE) is the first: now cached, with its token
    assertThat(caller.get(USERINFO).json().get("tenant_id").asText())
        .isEqualTo(Sandbox.tenantId(1));
    assertThat(caller.get(USERINFO).json().get("tenant_id").asText())
        .isEqualTo(Sandbox.tenantId(1));

    assertThat(caller.delete("/connections/" + first).status()).isEqualTo(200);

    assertThat(caller.get(USERINFO).json().get("tenant_id").asText())
        .as("the deleted connection no longer serves")
        .isEqualTo(Sandbox.tenantId(2));
    TestHttp.Reply named = new TestHttp(
            FIX.gateway().baseUrl(),
            Map.of("Authorization", "Bearer " + acct.key().secret(), "Maton-Connection", first))
        .get(USERINFO);
    assertThat(named.status()).as(named.body()).isEqualTo(404);
  }
}
