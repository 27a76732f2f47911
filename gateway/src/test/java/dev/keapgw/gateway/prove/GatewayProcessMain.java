package dev.keapgw.gateway.prove;

import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.config.GatewayConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A gateway in a process of its own, for tests that kill it: starts a {@link Gateway} from
 * {@code name=value} arguments, prints {@code READY <port>} once it listens, and runs until the
 * process ends. (The app module's launcher does this for operators; this one has no
 * dependency on it and takes exactly what the tests set.)
 *
 * <p>Arguments: {@code data-dir}, {@code port}, {@code upstream}, {@code authorize},
 * {@code token} (URLs), {@code client-id}, {@code client-secret}, {@code key} (base64),
 * {@code admin-token}; optional: {@code allow-private-destinations=true} (trigger tests whose
 * receivers listen on loopback).
 */
public final class GatewayProcessMain {
  private GatewayProcessMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int port = Integer.parseInt(a.get("port"));
    GatewayConfig config = GatewayConfig.defaults()
        .withHost("127.0.0.1")
        .withPort(port)
        .withPublicUrl(URI.create("http://127.0.0.1:" + port))
        .withDataDir(Path.of(a.get("data-dir")))
        .withAdminToken(a.get("admin-token"))
        .withKeys(EncryptionKeys.single(a.get("key")))
        .withLimits(new GatewayConfig.Limits(1_000_000, 1_000_000, 0))
        .withApp(AppConfig.keap(a.get("client-id"), a.get("client-secret"))
            .at(
                URI.create(a.get("upstream")),
                URI.create(a.get("authorize")),
                URI.create(a.get("token"))))
        .withAllowPrivateDestinations(
            Boolean.parseBoolean(a.getOrDefault("allow-private-destinations", "false")));
    Gateway g = Gateway.start(config);
    System.out.println("READY " + g.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
