package dev.keapgw.gateway;

import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real sandbox (auto-approving, quotas off) and a real gateway in front of it, both on free
 * loopback ports, with an embedded store in a temporary directory. Register it as a static
 * field with {@code @RegisterExtension}.
 */
public final class GatewayFixture implements BeforeAllCallback, AfterAllCallback {
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

  private final UnaryOperator<SandboxConfig> sandboxTweak;
  private final UnaryOperator<GatewayConfig> gatewayTweak;
  private final int gatewayPort;
  private Sandbox sandbox;
  private Gateway gateway;
  private GatewayConfig config;
  private Path dataDir;

  public GatewayFixture() {
    this(s -> s, g -> g);
  }

  public GatewayFixture(
      UnaryOperator<SandboxConfig> sandboxTweak, UnaryOperator<GatewayConfig> gatewayTweak) {
    this(sandboxTweak, gatewayTweak, 0);
  }

  /** With the gateway on a given port (0: a free one). */
  public GatewayFixture(
      UnaryOperator<SandboxConfig> sandboxTweak,
      UnaryOperator<GatewayConfig> gatewayTweak,
      int gatewayPort) {
    this.sandboxTweak = sandboxTweak;
    this.gatewayTweak = gatewayTweak;
    this.gatewayPort = gatewayPort;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      dataDir = Files.createTempDirectory("keapgw-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The gateway's port must be known before the sandbox registers its redirect URI.
    int gatewayPort = this.gatewayPort > 0 ? this.gatewayPort : FreePort.find();
    String redirect = "http://127.0.0.1:" + gatewayPort + "/oauth/callback";
    sandbox = Sandbox.start(sandboxTweak.apply(SandboxConfig.defaults()
        .withPort(0)
        .withAutoApprove(true)
        .withQuotas(SandboxConfig.QuotaLimits.keap().withEnforced(false))
        .withClient("gw-test-client", "gw-test-secret", List.of(redirect))));
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    URI base = URI.create(sandbox.baseUrl());
    GatewayConfig config = GatewayConfig.defaults()
        .withHost("127.0.0.1")
        .withPort(gatewayPort)
        .withPublicUrl(URI.create("http://127.0.0.1:" + gatewayPort))
        .withDataDir(dataDir)
        .withAdminToken(ADMIN_TOKEN)
        .withKeys(EncryptionKeys.single(Base64.getEncoder().encodeToString(key)))
        .withApp(AppConfig.keap("gw-test-client", "gw-test-secret")
            .at(base, base.resolve("/app/oauth/authorize"), base.resolve("/token")));
    this.config = gatewayTweak.apply(config);
    gateway = Gateway.start(this.config);
  }

  /**
   * Stops the gateway and starts it again on the same port and data directory, with its
   * configuration changed by {@code change} (for example other encryption keys).
   */
  public Gateway restart(UnaryOperator<GatewayConfig> change) {
    stopGateway();
    return startGateway(change);
  }

  /** Stops the gateway (the sandbox runs on); {@link #startGateway} starts it again. */
  public void stopGateway() {
    gateway.close();
    gateway = null;
  }

  /** Starts the stopped gateway on the same port and data directory, its configuration changed by {@code change}. */
  public Gateway startGateway(UnaryOperator<GatewayConfig> change) {
    config = change.apply(config);
    gateway = Gateway.start(config);
    return gateway;
  }

  /** The configuration the running gateway was started with. */
  public GatewayConfig config() {
    return config;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (gateway != null) {
      gateway.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public Gateway gateway() {
    return gateway;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A new account and its first key's secret. */
  public AccountService.NewAccount newAccount(String name) {
    return gateway.services().accounts().createAccount(name);
  }

  /** A client of the gateway that sends this API key. */
  public TestHttp as(String apiKey) {
    return TestHttp.bearer(gateway.baseUrl(), apiKey);
  }

  public TestHttp anonymous() {
    return new TestHttp(gateway.baseUrl(), Map.of());
  }

  public TestHttp admin() {
    return TestHttp.bearer(gateway.baseUrl(), ADMIN_TOKEN);
  }

  /** The sandbox's operator endpoints. */
  public TestHttp sandboxControl() {
    return new TestHttp(sandbox.baseUrl(), Map.of());
  }
}
