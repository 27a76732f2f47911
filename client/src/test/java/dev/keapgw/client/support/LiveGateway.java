package dev.keapgw.client.support;

import dev.keapgw.client.ClientOptions;
import dev.keapgw.client.KeapClient;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real sandbox and gateway on loopback for the whole test run (started by the first test
 * class that needs them, stopped when the run ends), with an account whose connection was made
 * through the hosted connect flow. Rate limits are raised so that tests measure the client,
 * not the gateway's per-account limit. Keap's REST hooks fire after 20 ms (not Keap's 30 s) and
 * trigger destinations may be loopback receivers, as in the demo. Tests that inject sandbox
 * faults must clear them.
 */
public final class LiveGateway implements BeforeAllCallback {
  private Stack stack;

  /** The shared parts. */
  public record Stack(GatewayFixture fixture, String apiKey, String accountId, String connectionId)
      implements AutoCloseable {
    static Stack start() {
      GatewayFixture fx = new GatewayFixture(
          s -> s.withHookDelay(Duration.ofMillis(20)),
          g -> g.withLimits(new GatewayConfig.Limits(100_000, 100_000, 0))
              .withAllowPrivateDestinations(true));
      fx.beforeAll(null);
      AccountService.NewAccount a = fx.newAccount("client-tests");
      String connection = ConnectFlow.connect(fx, a.key().secret());
      return new Stack(fx, a.key().secret(), a.account().id(), connection);
    }

    @Override
    public void close() {
      fixture.afterAll(null);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack = context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(LiveGateway.class, k -> Stack.start(), Stack.class);
  }

  public GatewayFixture fixture() {
    return stack.fixture();
  }

  public String url() {
    return stack.fixture().gateway().baseUrl();
  }

  public String apiKey() {
    return stack.apiKey();
  }

  public String connectionId() {
    return stack.connectionId();
  }

  /** A client of the gateway with the test account's key and default options. */
  public KeapClient client() {
    return client(b -> b);
  }

  /** A client with options of the test's choosing. */
  public KeapClient client(UnaryOperator<ClientOptions.Builder> options) {
    return options.apply(KeapClient.gateway(url(), apiKey())).build();
  }

  /** The sandbox's operator endpoints ({@code /_sandbox}). */
  public TestHttp sandboxControl() {
    return stack.fixture().sandboxControl();
  }

  /** The sandbox's base URL, for the direct target. */
  public String sandboxUrl() {
    return stack.fixture().sandbox().baseUrl();
  }
}
