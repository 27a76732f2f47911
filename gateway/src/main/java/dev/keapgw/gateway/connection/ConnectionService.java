package dev.keapgw.gateway.connection;

import dev.keapgw.gateway.GatewayServices;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A caller's connections: create, read, list, delete, and the connect link each one shows.
 * Blocking (it uses the store). Every lookup is scoped by account, and another account's
 * connection answers exactly as an unknown id does.
 *
 * <p>The connect link is {@code {publicUrl}/connect?session_token=<token>}. Its token is random,
 * stored as a hash (to find it) and sealed (to show it again), expires after
 * {@link GatewayConfig.Timeouts#connectSession} and works once. {@link #connectUrl} hands out a
 * fresh one whenever the current one is used, expired or about to expire, so the link a caller
 * reads always works now.
 */
public final class ConnectionService {
  private final ConnectionRepository repo;
  private final SecretBox secrets;
  private final GatewayConfig config;
  private final Clock clock;

  public ConnectionService(ConnectionRepository repo, SecretBox secrets, GatewayConfig config) {
    this.repo = repo;
    this.secrets = secrets;
    this.config = config;
    this.clock = config.clock();
  }

  public static ConnectionService of(GatewayServices s) {
    return new ConnectionService(s.connectionRepo(), s.secrets(), s.config());
  }

  /** A new PENDING connection to {@code app}, with a working connect link. */
  public Connection create(String accountId, String app) {
    requireApp(app);
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    NewSession s = newSession(id, now);
    Connection c = new Connection(id, accountId, app, ConnectionStatus.PENDING, now, now, "{}", null,
        s.sealed(), s.expiresAt(), null, null, null, null, 0, null, 0);
    repo.insert(c, s.hash());
    return c;
  }

  /** This account's connection; 404 for an unknown id and for another account's alike. */
  public Connection get(String accountId, String id) {
    return repo.find(accountId, id).orElseThrow(() -> notFound(id));
  }

  /**
   * This account's connections, oldest first.
   *
   * @param app an app name, or null/empty for all; an unconfigured name answers 400 unknown_app
   * @param status PENDING, ACTIVE or FAILED (any case), or null/empty for all; else 400
   */
  public List<Connection> list(String accountId, String app, String status) {
    String appFilter = app == null || app.isEmpty() ? null : app;
    if (appFilter != null) {
      requireApp(appFilter);
    }
    return repo.list(accountId, appFilter, parseStatus(status));
  }

  /**
   * Deletes this account's connection and answers it as it was; no token is revoked upstream
   * (what depends on the connection hears of it first: see {@link ConnectionRepository#onDeleting}).
   */
  public Connection delete(String accountId, String id) {
    Connection c = get(accountId, id);
    repo.deleting(c);
    if (!repo.delete(accountId, id)) {
      throw notFound(id);
    }
    return c;
  }

  /**
   * The connection's connect link, valid now: the current session when it has at least a
   * third of its lifetime left, otherwise a fresh one. For an ACTIVE connection the link
   * re-authorizes it (a reconnect), so it is always a working URL.
   */
  public String connectUrl(Connection c) {
    Duration lifetime = config.timeouts().connectSession();
    Connection current = c;
    for (int attempt = 0; attempt < 5; attempt++) {
      Instant now = clock.instant();
      String sealed = current.sessionTokenSealed();
      if (sealed != null && current.sessionExpiresAt() != null
          && current.sessionExpiresAt().isAfter(now.plus(lifetime.dividedBy(3)))) {
        try {
          return urlFor(secrets.open(sealed, sessionAd(current.id())));
        } catch (SecretBox.CryptoException e) {
          // sealed with a key no longer configured: replace it like an expired one
        }
      }
      NewSession s = newSession(current.id(), now);
      if (repo.renewSession(current.id(), sealed, s.hash(), s.sealed(), s.expiresAt())) {
        return urlFor(s.token());
      }
      // another request renewed it first: use theirs
      current = repo.byId(current.id()).orElse(null);
      if (current == null) {
        return null;
      }
    }
    throw new IllegalStateException("the connect link of connection " + c.id() + " keeps changing");
  }

  /** The configured app with this name; 400 unknown_app naming the known ones otherwise. */
  public AppConfig requireApp(String app) {
    AppConfig a = app == null ? null : config.apps().get(app);
    if (a == null) {
      String known = knownApps();
      throw new GatewayException(ErrorType.UNKNOWN_APP, "Unknown app '" + app + "'. This gateway serves: " + known
          + " (use one of these as 'app').").with("field", "app").with("known_apps", known);
    }
    return a;
  }

  /** Associated data binding a sealed session token to its connection. */
  public static String sessionAd(String connectionId) {
    return SecretBox.connectionColumn(connectionId, "session");
  }

  private String knownApps() {
    return String.join(", ", config.apps().keySet().stream().sorted().toList());
  }

  private String urlFor(String token) {
    String base = config.publicUrl().toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/connect?session_token=" + token;
  }

  private record NewSession(String token, String hash, String sealed, Instant expiresAt) {}

  private NewSession newSession(String connectionId, Instant now) {
    String token = OneTimeTokens.random();
    return new NewSession(token, OneTimeTokens.hash(token), secrets.seal(token, sessionAd(connectionId)),
        now.plus(config.timeouts().connectSession()));
  }

  private static ConnectionStatus parseStatus(String status) {
    if (status == null || status.isEmpty()) {
      return null;
    }
    try {
      return ConnectionStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw GatewayException.badRequest("Unknown status '" + status + "': use PENDING, ACTIVE or FAILED")
          .with("field", "status");
    }
  }

  /** The one answer for an id this account cannot see, whether it exists elsewhere or not. */
  public static GatewayException notFound(String id) {
    String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
    return GatewayException.notFound("No connection with id '" + shown + "' for this API key's account."
        + " List yours with GET /connections.").with("connection_id", shown);
  }
}
