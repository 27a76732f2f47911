package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.FreePort;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An upstream API that nothing listens on: 502, while OAuth (the sandbox) still works. */
class DeadUpstreamTest {
  static final int DEAD = FreePort.find();

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s,
      g -> g.withApp(g.apps().get("keap").withUpstream(URI.create("http://127.0.0.1:" + DEAD))));

  @Test
  void unreachableUpstreamIs502InTheEnvelope() {
    AccountService.NewAccount acct = FIX.newAccount("dead");
    DirectConnections.activate(FIX, acct.account().id());
    TestHttp.Reply r = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/contacts");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("upstream_unreachable");
    assertThat(r.json().at("/error/message").asText()).contains("could not be reached");
  }
}
