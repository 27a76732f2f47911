package dev.keapgw.gateway.engines;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.FreePort;
import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Several gateway instances as a cluster: one sandbox (auto-approving, quotas off) as their
 * upstream, one store URL, optionally one Redis, and the same encryption key, client, admin token
 * and public URL (instance 0's, standing for the load balancer) on each, every instance on its
 * own free loopback port.
 */
public final class Cluster implements AutoCloseable {
  public static final String ADMIN_TOKEN = "cluster-admin-token-0123456789abcdef";

  private final Sandbox sandbox;
  private final List<Gateway> gateways;

  private Cluster(Sandbox sandbox, List<Gateway> gateways) {
    this.sandbox = sandbox;
    this.gateways = gateways;
  }

  /**
   * @param dbUrl the shared store
   * @param redisUrl the shared Redis, or null for limits per instance
   */
  public static Cluster start(
      int instances,
      String dbUrl,
      String redisUrl,
      UnaryOperator<SandboxConfig> sandboxTweak,
      UnaryOperator<GatewayConfig> gatewayTweak) {
    List<Integer> ports = new ArrayList<>();
    List<String> redirects = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      int p = FreePort.find();
      ports.add(p);
      redirects.add("http://127.0.0.1:" + p + "/oauth/callback");
    }
    Sandbox sandbox = Sandbox.start(sandboxTweak.apply(SandboxConfig.defaults()
        .withPort(0)
        .withAutoApprove(true)
        .withQuotas(SandboxConfig.QuotaLimits.keap().withEnforced(false))
        .withClient("cluster-client", "cluster-secret", redirects)));
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    EncryptionKeys keys = EncryptionKeys.single(Base64.getEncoder().encodeToString(key));
    URI base = URI.create(sandbox.baseUrl());
    // one public URL for all, as behind a load balancer: connect links and the redirect URI name it
    URI publicUrl = URI.create("http://127.0.0.1:" + ports.get(0));
    List<Gateway> gateways = new ArrayList<>();
    try {
      for (int port : ports) {
        GatewayConfig config = GatewayConfig.defaults()
            .withHost("127.0.0.1")
            .withPort(port)
            .withPublicUrl(publicUrl)
            .withDataDir(Files.createTempDirectory("keapgw-node"))
            .withDbUrl(dbUrl)
            .withRedisUrl(redisUrl)
            .withAdminToken(ADMIN_TOKEN)
            .withKeys(keys)
            .withApp(AppConfig.keap("cluster-client", "cluster-secret")
                .at(base, base.resolve("/app/oauth/authorize"), base.resolve("/token")));
        gateways.add(Gateway.start(gatewayTweak.apply(config)));
      }
    } catch (Exception e) {
      gateways.forEach(Gateway::close);
      sandbox.close();
      throw new IllegalStateException("cannot start the cluster", e);
    }
    return new Cluster(sandbox, gateways);
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public Gateway gateway(int i) {
    return gateways.get(i);
  }

  public int size() {
    return gateways.size();
  }

  /** A new account (made through instance 0) and its first key. */
  public AccountService.NewAccount newAccount(String name) {
    return gateways.get(0).services().accounts().createAccount(name);
  }

  /** An ACTIVE connection of the account, made through the sandbox's real code grant. */
  public String activate(String accountId) {
    return DirectConnections.activate(gateways.get(0), sandbox, accountId);
  }

  /** A client of instance {@code i} that sends this API key. */
  public TestHttp as(int i, String apiKey) {
    return TestHttp.bearer(gateways.get(i).baseUrl(), apiKey);
  }

  public TestHttp anonymous(int i) {
    return new TestHttp(gateways.get(i).baseUrl(), Map.of());
  }

  /** Successful refresh grants the sandbox has answered so far. */
  public long refreshes() {
    return sandbox.stats().grants("refresh_token");
  }

  @Override
  public void close() {
    gateways.forEach(Gateway::close);
    sandbox.close();
  }
}
