package dev.keapgw.gateway.proxy;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.keapgw.gateway.account.Principal;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.store.StoreCache;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the connection a data request uses: the one named by {@code Maton-Connection}, else the
 * account's oldest ACTIVE connection of the app. Answers are cached for at most {@code ttl}
 * (a second, re-read in the background before then: see {@link StoreCache}), so the store is
 * not read per request and changes made elsewhere show within that time; a missing connection
 * is never cached, so a connection made a moment ago is found.
 */
public final class ConnectionSelector {
  static final String HEADER = "Maton-Connection";
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

  /**
   * What a choice depends on. "No header" (null) and an empty header are different requests:
   * they do not share an entry.
   */
  private record Choice(String accountId, String app, String named) {}

  private final Vertx vertx;
  private final ConnectionRepository repo;
  private final LoadingCache<Choice, Connection> cache;

  public ConnectionSelector(Vertx vertx, ConnectionRepository repo, Duration ttl) {
    this.vertx = vertx;
    this.repo = repo;
    this.cache = StoreCache.of(vertx, ttl, 100_000, this::lookup);
  }

  /** The connection for the request: from the cache when it is there (a completed future), else read on a worker thread. */
  public Future<Connection> select(Principal p, AppConfig app, String named) {
    Choice choice = new Choice(p.accountId(), app.name(), named);
    Connection known = cache.getIfPresent(choice);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    if (named != null && !UUID.matcher(named).matches()) {
      return Future.failedFuture(unknown(named));
    }
    return vertx.executeBlocking(() -> cache.get(choice), false);
  }

  /** Forgets every cached choice (a connection of this process was deleted, activated or failed). */
  public void forgetAll() {
    cache.invalidateAll();
  }

  private Connection lookup(Choice choice) {
    String named = choice.named();
    String app = choice.app();
    if (named != null) {
      Optional<Connection> c = repo.find(choice.accountId(), named);
      if (c.isEmpty()) {
        throw unknown(named);
      }
      if (!c.get().app().equals(app)) {
        throw GatewayException.badRequest(
            "Connection " + named + " is a connection to '" + c.get().app()
                + "', not to '" + app + "': use a " + app + " connection or leave out the "
                + HEADER + " header.");
      }
      return c.get();
    }
    List<Connection> active = repo.list(choice.accountId(), app, ConnectionStatus.ACTIVE);
    if (active.isEmpty()) {
      throw new GatewayException(
          ErrorType.NO_ACTIVE_CONNECTION,
          "No ACTIVE " + app
              + " connection for this account: create one with POST /connections {\"app\":\"" + app
              + "\"} and open its url to authorize it.");
    }
    return active.get(0);
  }

  private static GatewayException unknown(String id) {
    return GatewayException.notFound("No connection with id " + id + " (from the " + HEADER
        + " header): list yours with GET /connections.");
  }
}
