package dev.keapgw.gateway.connections;

import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.connection.OneTimeTokens;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.feature.GatewayServices;
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
  private final GrantDisposal disposal;

  public ConnectionService(
      ConnectionRepository repo, SecretBox secrets, GatewayConfig config, GrantDisposal disposal) {
    this.repo = repo;
    this.secrets = secrets;
    this.config = config;
    this.clock = config.clock();
    this.disposal = disposal;
  }

  public static ConnectionService of(GatewayServices s) {
    return new ConnectionService(s.connectionRepo(), s.secrets(), s.config(), GrantDisposal.of(s));
  }

  /** A new PENDING connection to {@code app}, with a working connect link. */
  public Connection create(String accountId, String app) {
    requireApp(app);
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    NewSession s = newSession(id, now);
    Connection c = new Connection(
        id,
        accountId,
        app,
        ConnectionStatus.PENDING,
        now,
        now,
        "{}",
        null,
        s.sealed(),
        s.expiresAt(),
        null,
        null,
        null,
        null,
        0,
        null,
        0);
    ConnectionRepository.CapReached cap = repo.insertWithinCaps(c, s.hash());
    if (cap != null) {
      throw new GatewayException(
              ErrorType.CONNECTION_LIMIT_REACHED,
              cap.pending()
                  ? "This account already has " + cap.cap()
                      + " PENDING connections, as many as it may hold: use or delete"
                      + " one (DELETE /connections/{id}) before creating another."
                  : "This account already has " + cap.cap()
                      + " connections, as many as it may hold: delete one"
                      + " (DELETE /connections/{id}) before creating another, or ask the gateway's operator for more.")
          .with("limit", Integer.toString(cap.cap()))
          .with("status", cap.pending() ? "PENDING" : "any");
    }
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

  /** One page of {@link #list}: the connections and the token of the next page (null on the last). */
  public record Page(List<Connection> connections, String nextToken) {}

  /**
   * A page of this account's connections, oldest first (filters as {@link #list}).
   *
   * @param limit how many at most, 1 to {@link ConnectionPages#MAX_LIMIT}; null for the most
   * @param token where to go on ({@code next_token} of the page before), or null/empty to start
   */
  public Page page(String accountId, String app, String status, String limit, String token) {
    String appFilter = app == null || app.isEmpty() ? null : app;
    if (appFilter != null) {
      requireApp(appFilter);
    }
    int n = ConnectionPages.limit(limit);
    ConnectionPages.After after = ConnectionPages.after(token, accountId);
    List<Connection> rows = repo.page(
        accountId,
        appFilter,
        parseStatus(status),
        after == null ? null : after.created(),
        after == null ? null : after.id(),
        n + 1);
    if (rows.size() <= n) {
      return new Page(rows, null);
    }
    List<Connection> shown = rows.subList(0, n);
    return new Page(shown, ConnectionPages.token(shown.get(n - 1), accountId));
  }

  /**
   * Deletes this account's connection and answers it as it was. Its secrets are erased from
   * the store, and its grant is given up upstream as far as the upstream allows
   * ({@link GrantDisposal}). What depends on the connection hears of it first: see
   * {@link ConnectionRepository#onDeleting}.
   */
  public Connection delete(String accountId, String id) {
    Connection c = get(accountId, id);
    repo.deleting(c);
    if (!repo.delete(accountId, id)) {
      throw notFound(id);
    }
    if (disposal != null) {
      disposal.dispose(List.of(c));
    }
    return c;
  }

  /**
   * The owner asks to re-authorize an ACTIVE connection (or to get a fresh link for any):
   * answers it with a connect link that works now. This is the only way an ACTIVE
   * connection's {@code url} becomes live; re-authorizing can only renew its grant for the
   * same upstream account (see {@code connect.OAuthCallback}).
   */
  public String reconnectUrl(Connection c) {
    return liveUrl(c);
  }

  /**
   * The connection's connect link. For a PENDING or FAILED connection it is valid now: the
   * current session when it has at least a third of its lifetime left, otherwise a fresh one.
   * An ACTIVE connection needs no link, and a live one lying around would let anyone who sees
   * the JSON re-authorize it: its {@code url} is the session its owner asked for with
   * {@link #reconnectUrl} while that is unused and unexpired, else a link that opens a page
   * saying how to ask for one.
   */
  public String connectUrl(Connection c) {
    if (c.isActive()) {
      String live = c.sessionTokenSealed() != null
              && c.sessionExpiresAt() != null
              && c.sessionExpiresAt().isAfter(clock.instant())
          ? openSession(c)
          : null;
      return live != null ? urlFor(live) : inertUrl(c.id());
    }
    return liveUrl(c);
  }

  /** The link an ACTIVE connection shows when no reconnect was asked for: it changes nothing. */
  private String inertUrl(String id) {
    return base() + "/connect?connection_id=" + id;
  }

  private String openSession(Connection c) {
    try {
      return secrets.open(c.sessionTokenSealed(), sessionAd(c.id()));
    } catch (SecretBox.CryptoException e) {
      return null;
    }
  }

  private String liveUrl(Connection c) {
    Duration lifetime = config.timeouts().connectSession();
    Connection current = c;
    for (int attempt = 0; attempt < 5; attempt++) {
      Instant now = clock.instant();
      String sealed = current.sessionTokenSealed();
      if (sealed != null
          && current.sessionExpiresAt() != null
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
      throw new GatewayException(
              ErrorType.UNKNOWN_APP,
              "Unknown app '" + app + "'. This gateway serves: " + known
                  + " (use one of these as 'app').")
          .with("field", "app")
          .with("known_apps", known);
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
    return base() + "/connect?session_token=" + token;
  }

  private String base() {
    String base = config.publicUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private record NewSession(String token, String hash, String sealed, Instant expiresAt) {}

  private NewSession newSession(String connectionId, Instant now) {
    String token = OneTimeTokens.random();
    return new NewSession(
        token,
        OneTimeTokens.hash(token),
        secrets.seal(token, sessionAd(connectionId)),
        now.plus(config.timeouts().connectSession()));
  }

  private static ConnectionStatus parseStatus(String status) {
    if (status == null || status.isEmpty()) {
      return null;
    }
    try {
      return ConnectionStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw GatewayException.badRequest(
              "Unknown status '" + status + "': use PENDING, ACTIVE or FAILED")
          .with("field", "status");
    }
  }

  /** The one answer for an id this account cannot see, whether it exists elsewhere or not. */
  public static GatewayException notFound(String id) {
    String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
    return GatewayException.notFound("No connection with id '" + shown
            + "' for this API key's account." + " List yours with GET /connections.")
        .with("connection_id", shown);
  }
}
