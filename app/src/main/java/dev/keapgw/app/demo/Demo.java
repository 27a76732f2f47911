package dev.keapgw.app.demo;

import dev.keapgw.client.KeapClient;
import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.error.StartFailure;
import dev.keapgw.gateway.feature.ReadinessCheck;
import dev.keapgw.gateway.http.Listener;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import io.vertx.core.Vertx;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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
  /** Keap sends REST hook events 30 to 60 s after a change; the demo's sandbox takes 1 to 2 s. */
  static final Duration DEMO_HOOK_DELAY = Duration.ofSeconds(1);

  /** The OAuth client the demo registers with its sandbox; its secret is new on every start. */
  static final String CLIENT_ID = "keap-gateway-demo";

  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  private Demo() {}

  /**
   * Starts the demo and returns once its connection is ACTIVE.
   *
   * @throws IllegalArgumentException for options that cannot work ({@link DemoOptions#problems()})
   * @throws DemoStartFailure when the gateway or the sandbox cannot listen
   * @throws IllegalStateException (or {@link UncheckedIOException}) when it cannot start otherwise, saying why
   */
  public static RunningDemo start(DemoOptions options) {
    List<DemoOptions.Problem> problems = options.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the demo's "
          + problems.get(0).setting().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
          + problems.get(0).problem());
    }
    Path dir = options.dataDir().toAbsolutePath().normalize();
    SecretFiles.ensureDirectory(dir);
    EncryptionKeys keys = DemoEncryptionKey.loadOrCreate(dir);
    // the gateway's public URL (and so the redirect URI the sandbox registers) must be known
    // before the gateway starts, so port 0 is resolved here
    int port = options.port() == 0 ? Listener.freePort(options.host()) : options.port();
    String publicUrl = "http://" + publicHost(options.host()) + ":" + port;
    String clientSecret = randomSecret();
    Vertx vertx = Gateway.newVertx();
    Sandbox sandbox = null;
    Gateway gateway = null;
    try {
      try {
        sandbox = Sandbox.start(
            SandboxConfig.defaults()
                .withHost(options.host())
                .withPort(options.sandboxPort())
                .withAutoApprove(true)
                .withClient(CLIENT_ID, clientSecret, List.of(publicUrl + "/oauth/callback"))
                .withDataDir(dir.resolve("sandbox"))
                .withHookDelay(DEMO_HOOK_DELAY),
            vertx);
      } catch (dev.keapgw.sandbox.ListenFailure e) {
        throw new DemoStartFailure(DemoStartFailure.Server.SANDBOX, e);
      }
      URI upstream = URI.create(reachable(options.host(), sandbox.port()));
      // /readyz says "not ready" from the moment the gateway listens until the key and connection
      // work
      ReadinessCheck starting =
          () -> "the demo is still making its account, API key and connection";
      try {
        gateway = Gateway.start(
            GatewayConfig.defaults()
                .withHost(options.host())
                .withPort(port)
                .withPublicUrl(URI.create(publicUrl))
                .withDataDir(dir)
                .withAdminToken(options.adminToken())
                .withKeys(keys)
                .withMcpReadOnly(options.mcpReadOnly())
                .withApp(AppConfig.keap(CLIENT_ID, clientSecret)
                    .at(
                        upstream,
                        upstream.resolve("/app/oauth/authorize"),
                        upstream.resolve("/token")))
                // the demo's receivers run on this machine: let triggers deliver to them
                .withAllowPrivateDestinations(true),
            vertx,
            starting);
      } catch (StartFailure e) {
        if (e.problem() instanceof StartFailure.CannotListen) {
          throw new DemoStartFailure(DemoStartFailure.Server.GATEWAY, e);
        }
        throw e;
      }
      DemoAccount.Chosen account = new DemoAccount(
              gateway.services().accounts(), gateway.services().accountRepo(), dir)
          .choose(options.matonApiKey());
      DemoConnection.Ready connection = new DemoConnection(
              KeapClient.gateway(publicUrl, account.secret()).build().connections(),
              new SandboxApproval(upstream.toString()))
          .ensure();
      ReadinessCheck ready = connectionActive(gateway.services().connectionRepo(), connection.id());
      gateway.services().readiness().add(ready);
      gateway.services().readiness().remove(starting);
      RunningDemo demo = new RunningDemo(
          gateway, sandbox, vertx, ready, publicUrl, upstream.toString(), dir, account, connection);
      LOG.info(
          "demo ready: gateway {}, sandbox {}, account {}, key {}, connection {}",
          demo.gatewayUrl(),
          demo.sandboxUrl(),
          demo.accountId(),
          demo.keyId(),
          demo.connectionId());
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

  /** Ready only while the demo's connection is ACTIVE, so /readyz tells when the demo needs a restart. */
  private static ReadinessCheck connectionActive(ConnectionRepository repo, String id) {
    return () -> {
      Connection c = repo.byId(id).orElse(null);
      if (c == null) {
        return "the demo connection " + id + " was deleted: restart the demo to make a new one";
      }
      return c.isActive()
          ? null
          : "the demo connection " + id + " is " + c.status()
              + (c.failureReason() == null ? "" : " (" + c.failureReason() + ")")
              + ": open its url (GET /connections/" + id + ") or restart the demo to reconnect it";
    };
  }

  /** The host in links for people on this machine: {@code localhost} for loopback and every-interface addresses. */
  static String publicHost(String host) {
    if (isWildcard(host)
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("::1")) {
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
