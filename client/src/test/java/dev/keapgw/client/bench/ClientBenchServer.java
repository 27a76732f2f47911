package dev.keapgw.client.bench;

import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For bench/client-export.sh: a sandbox and a gateway (rate limits out of the way) on a given
 * port, a Keap account (tenant) seeded with the given number of contacts, and an API key whose
 * connection reaches it, written to a file. Runs until killed.
 *
 * <p>Arguments: gateway port, contacts, key file.
 */
public final class ClientBenchServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int contacts = Integer.parseInt(args[1]);
    Path keyFile = Path.of(args[2]);
    GatewayFixture fx = new GatewayFixture(
        s -> s, g -> g.withLimits(new GatewayConfig.Limits(1_000_000, 1_000_000, 0)), port);
    fx.beforeAll(null);
    TestHttp.Reply tenant =
        fx.sandboxControl().post("/_sandbox/tenants", Map.of("contacts", contacts));
    if (tenant.status() != 201) {
      throw new IllegalStateException("could not seed: " + tenant.body());
    }
    AccountService.NewAccount a = fx.newAccount("bench");
    ConnectFlow.connect(fx, a.key().secret(), tenant.json().path("id").asText());
    Files.writeString(keyFile, a.key().secret());
    System.out.println(
        "gateway ready on " + fx.gateway().baseUrl() + " with " + contacts + " extra contacts");
    Thread.currentThread().join();
  }
}
