package dev.keapgw.gateway;

import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.oauth.TokenSet;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Makes an ACTIVE connection through the sandbox's real OAuth code grant over HTTP, storing
 * it straight into the gateway's store: for data-plane tests that are not about the connect
 * pages.
 */
public final class DirectConnections {
  private DirectConnections() {}

  /** An ACTIVE connection of the account to the sandbox tenant the sandbox auto-approves for. */
  public static String activate(GatewayFixture fx, String accountId) {
    return activate(fx.gateway(), fx.sandbox(), accountId);
  }

  /** The same for any gateway in front of {@code sandbox} (one instance of a cluster). */
  public static String activate(
      Gateway gateway, dev.keapgw.sandbox.Sandbox sandbox, String accountId) {
    GatewayServices s = gateway.services();
    AppConfig app = s.config().apps().get("keap");
    String redirect = s.config().redirectUri();
    String authorize = "/app/oauth/authorize?client_id=" + enc(app.clientId()) + "&redirect_uri="
        + enc(redirect) + "&response_type=code&scope=full&state=direct";
    TestHttp.Reply r = new TestHttp(sandbox.baseUrl(), Map.of()).get(authorize);
    if (r.status() != 302) {
      throw new AssertionError("authorize answered " + r.status() + ": " + r.body());
    }
    String code = query(URI.create(r.header("Location")), "code");
    try {
      TokenSet t = s.oauth()
          .exchangeCode(app, code, redirect)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      Instant now = s.config().clock().instant();
      String id = UUID.randomUUID().toString();
      s.connectionRepo()
          .insert(
              new Connection(
                  id,
                  accountId,
                  "keap",
                  ConnectionStatus.PENDING,
                  now,
                  now,
                  "{}",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  0,
                  null,
                  0),
              null);
      s.connectionRepo()
          .activate(
              id,
              "{}",
              s.secrets().seal(t.accessToken(), SecretBox.connectionColumn(id, "access")),
              t.expiresAt(now),
              s.secrets().seal(t.refreshToken(), SecretBox.connectionColumn(id, "refresh")),
              now);
      return id;
    } catch (Exception e) {
      throw new AssertionError("code exchange failed", e);
    }
  }

  private static String query(URI u, String name) {
    for (String p : u.getRawQuery().split("&")) {
      if (p.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + u);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
