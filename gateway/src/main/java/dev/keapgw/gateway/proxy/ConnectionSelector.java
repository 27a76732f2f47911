package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.account.Principal;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.http.ErrorType;
import dev.keapgw.gateway.http.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Picks the connection a data request uses: the one named by {@code Maton-Connection}, else the
 * account's oldest ACTIVE connection of the app. Answers are cached for at most {@code ttl}
 * (a second), so the store is not read per request and changes made elsewhere show within that
 * time; a missing connection is never cached, so a connection made a moment ago is found.
 */
public final class ConnectionSelector {
  static final String HEADER = "Maton-Connection";
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

  private record Cached(Connection connection, long expiresAtNanos) {}

  private final Vertx vertx;
  private final ConnectionRepository repo;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public ConnectionSelector(Vertx vertx, ConnectionRepository repo, Duration ttl) {
    this.vertx = vertx;
    this.repo = repo;
    this.ttlNanos = ttl.toNanos();
  }

  /** The cached choice when it is fresh (the data plane's fast path), else null. */
  public Connection cached(Principal p, AppConfig app, String named) {
    Cached c = cache.get(key(p, app, named));
    return c != null && System.nanoTime() - c.expiresAtNanos < 0 ? c.connection : null;
  }

  public Future<Connection> select(Principal p, AppConfig app, String named) {
    String key = key(p, app, named);
    Cached c = cache.get(key);
    if (c != null && System.nanoTime() - c.expiresAtNanos < 0) {
      return Future.succeededFuture(c.connection);
    }
    if (named != null && !UUID.matcher(named).matches()) {
      return Future.failedFuture(unknown(named));
    }
    return vertx.executeBlocking(() -> lookup(p, app, named), false).map(conn -> {
      if (cache.size() > 100_000) {
        cache.clear();
      }
      cache.put(key, new Cached(conn, System.nanoTime() + ttlNanos));
      return conn;
    });
  }

  private static String key(Principal p, AppConfig app, String named) {
    // "no header" and an empty header are different requests: they must not share an entry
    return p.accountId() + "|" + app.name() + (named == null ? "|default" : "|id:" + named);
  }

  /** Forgets cached choices (after a connection of this process changed state). */
  public void invalidate() {
    cache.clear();
  }

  private Connection lookup(Principal p, AppConfig app, String named) {
    if (named != null) {
      Optional<Connection> c = repo.find(p.accountId(), named);
      if (c.isEmpty()) {
        throw unknown(named);
      }
      if (!c.get().app().equals(app.name())) {
        throw GatewayException.badRequest("Connection " + named + " is a connection to '" + c.get().app()
            + "', not to '" + app.name() + "': use a " + app.name() + " connection or leave out the "
            + HEADER + " header.");
      }
      return c.get();
    }
    List<Connection> active = repo.list(p.accountId(), app.name(), ConnectionStatus.ACTIVE);
    if (active.isEmpty()) {
      throw new GatewayException(ErrorType.NO_ACTIVE_CONNECTION, "No ACTIVE " + app.name()
          + " connection for this account: create one with POST /connections {\"app\":\"" + app.name()
          + "\"} and open its url to authorize it.");
    }
    return active.get(0);
  }

  private static GatewayException unknown(String id) {
    return GatewayException.notFound("No connection with id " + id + " (from the " + HEADER
        + " header): list yours with GET /connections.");
  }
}
