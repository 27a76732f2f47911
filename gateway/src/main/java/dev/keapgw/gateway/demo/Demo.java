package dev.keapgw.gateway.demo;

import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.ops.ReadinessCheck;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command demo: in one process, the sandbox (Keap's emulator, seeded, auto-approving,
 * quotas as Keap enforces them) and a gateway in front of it, with the demo account, its API
 * key and one ACTIVE connection made through the real OAuth code grant over HTTP. The seed's
 * examples then run against {@link RunningDemo#gatewayUrl()} as they are.
 *
 * <p>Everything lives in the data directory: the gateway's store, the sandbox's data, the
 * generated encryption key and (unless the user brings {@code MATON_API_KEY}) the generated API
 * key. A restart with the same directory finds the account, the key and the connection again.
 */
public final class Demo {
  /** The OAuth client the demo registers with its sandbox; its secret is new on every start. */
  static final String CLIENT_ID = "keap-gateway-demo";
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  private Demo() {}

  /**
   * Starts the demo and returns once its connection is ACTIVE.
   *
   * @throws IllegalArgumentException for options that cannot work, naming the option
   * @throws IllegalStateException (or {@link UncheckedIOException}) when it cannot start, saying why
   */
  public static RunningDemo start(DemoOptions options) {
    check(options);
    Path dir = options.dataDir().toAbsolutePath().normalize();
    SecretFiles.ensureDirectory(dir);
    EncryptionKeys keys = DemoEncryptionKey.loadOrCreate(dir);
    int port = options.port() == 0 ? freePort(options.host()) : options.port();
    String publicUrl = "http://" + publicHost(options.host()) + ":" + port;
    String clientSecret = randomSecret();
    Vertx vertx = Gateway.newVertx();
    Sandbox sandbox = null;
    Gateway gateway = null;
    try {
      sandbox = Sandbox.start(SandboxConfig.defaults().withHost(options.host()).withPort(options.sandboxPort())
          .withAutoApprove(true).withClient(CLIENT_ID, clientSecret, List.of(publicUrl + "/oauth/callback"))
          .withDataDir(dir.resolve("sandbox")), vertx);
      URI upstream = URI.create(reachable(options.host(), sandbox.port()));
      gateway = Gateway.start(GatewayConfig.defaults().withHost(options.host()).withPort(port)
          .withPublicUrl(URI.create(publicUrl)).withDataDir(dir).withAdminToken(options.adminToken()).withKeys(keys)
          .withApp(AppConfig.keap(CLIENT_ID, clientSecret)
              .at(upstream, upstream.resolve("/app/oauth/authorize"), upstream.resolve("/token")))
          // the demo's receivers run on this machine: let triggers deliver to them
          .withAllowPrivateDestinations(true), vertx);
      DemoAccount.Chosen account = new DemoAccount(gateway.services().accounts(), gateway.services().accountRepo(), dir)
          .choose(options.matonApiKey());
      DemoConnection.Ready connection = new DemoConnection(new CallerApi(publicUrl, account.secret())).ensureOne();
      ReadinessCheck ready = connectionActive(gateway.services().connectionRepo(), connection.id());
      gateway.services().readiness().add(ready);
      RunningDemo demo = new RunningDemo(gateway, sandbox, vertx, ready, publicUrl, upstream.toString(), dir, account,
          connection);
      LOG.info("demo ready: {}", demo);
      return demo;
    } catch (RuntimeException e) {
      if (gateway != null) {
        gateway.close();
      }
      if (sandbox != null) {
        sandbox.close();
      }
      closeVertx(vertx);
      throw e;
    }
  }

  private static void check(DemoOptions o) {
    if (o.host() == null || o.host().isBlank()) {
      throw new IllegalArgumentException("--host must not be blank");
    }
    if (o.port() < 0 || o.port() > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, not " + o.port());
    }
    if (o.sandboxPort() < 0 || o.sandboxPort() > 65535) {
      throw new IllegalArgumentException("--sandbox-port must be between 0 and 65535, not " + o.sandboxPort());
    }
    if (o.port() != 0 && o.port() == o.sandboxPort()) {
      throw new IllegalArgumentException("--port and --sandbox-port must differ, both are " + o.port());
    }
    if (o.dataDir() == null) {
      throw new IllegalArgumentException("--data-dir is required");
    }
  }

  /** Ready only while the demo's connection is ACTIVE, so /readyz tells when the demo needs a restart. */
  private static ReadinessCheck connectionActive(ConnectionRepository repo, String id) {
    return () -> {
      Connection c = repo.byId(id).orElse(null);
      if (c == null) {
        return "the demo connection " + id + " was deleted: restart the demo to make a new one";
      }
      return c.isActive() ? null : "the demo connection " + id + " is " + c.status()
          + (c.failureReason() == null ? "" : " (" + c.failureReason() + ")")
          + ": open its url (GET /connections/" + id + ") or restart the demo to reconnect it";
    };
  }

  /**
   * A port free now. The gateway's public URL (and so the redirect URI the sandbox registers)
   * must be known before it starts, so port 0 is resolved here; only tests ask for it.
   */
  private static int freePort(String host) {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  /** The host in links for people on this machine: {@code localhost} for loopback and every-interface addresses. */
  static String publicHost(String host) {
    if (isWildcard(host) || host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
      return "localhost";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String reachable(String host, int port) {
    String h = isWildcard(host) ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  private static String randomSecret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static void closeVertx(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("while stopping the demo: {}", e.toString());
    }
  }
}
