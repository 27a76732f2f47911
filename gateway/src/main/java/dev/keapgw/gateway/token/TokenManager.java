package dev.keapgw.gateway.token;

import dev.keapgw.gateway.connection.Connection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data plane's source of access tokens. A fresh token comes from memory; otherwise one
 * {@link TokenRefresher} call per connection runs at a time in this process and every other
 * request for that connection waits for its result (single flight). Across processes the
 * {@link RefreshLock} does the same.
 */
public final class TokenManager {
  private record Key(String connectionId, TokenRefresher.Mode mode) {}

  private final Vertx vertx;
  private final TokenRefresher refresher;
  private final RefreshPolicy policy;
  private final Clock clock;
  private final Map<String, ActiveToken> cache = new ConcurrentHashMap<>();
  private final Map<Key, Future<ActiveToken>> inflight = new ConcurrentHashMap<>();
  /** When each connection's last refresh forced by an upstream 401 started. */
  private final Map<String, java.time.Instant> lastForced = new ConcurrentHashMap<>();
  /**
   * At most one refresh forced by upstream 401s per connection in this long, however many
   * requests see a 401: a 401 to a token refreshed this recently is the upstream's answer, and
   * passed on, not a reason to spend the OAuth client's secret again.
   */
  public static final java.time.Duration FORCED_REFRESH_COOLDOWN = java.time.Duration.ofSeconds(60);

  public TokenManager(Vertx vertx, TokenRefresher refresher, RefreshPolicy policy, Clock clock) {
    this.vertx = vertx;
    this.refresher = refresher;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * A token for an ACTIVE connection: from memory when it is fresh and not superseded (a
   * completed future), else from the refresher.
   */
  public Future<ActiveToken> token(Connection c) {
    ActiveToken t = cache.get(c.id());
    boolean fresh = t != null
        && t.version() >= c.tokenVersion()
        && !policy.due(t.issuedAt(), t.expiresAt(), clock.instant());
    return fresh ? Future.succeededFuture(t) : run(c.id(), TokenRefresher.Mode.IF_DUE, null);
  }

  /**
   * Whether a request whose token {@code rejected} got a 401 may be retried: when a newer token
   * is already in memory, or no refresh was forced for this connection within
   * {@link #FORCED_REFRESH_COOLDOWN}. Otherwise the 401 is the upstream's answer to pass on.
   */
  public boolean mayRetryAfterRejection(String connectionId, String rejected) {
    ActiveToken t = cache.get(connectionId);
    if (t != null && !t.accessToken().equals(rejected)) {
      return true;
    }
    java.time.Instant last = lastForced.get(connectionId);
    return last == null
        || !clock.instant().isBefore(last.plus(FORCED_REFRESH_COOLDOWN))
        || inflight.containsKey(new Key(connectionId, TokenRefresher.Mode.AFTER_REJECTION));
  }

  /**
   * After the upstream answered 401 to {@code rejected}: a token that is not the rejected one,
   * refreshing at most once for all the requests that saw the same rejection, and at most once
   * per {@link #FORCED_REFRESH_COOLDOWN} per connection (within it, the current token as it is).
   */
  public Future<ActiveToken> afterRejection(String connectionId, String rejected) {
    ActiveToken t = cache.get(connectionId);
    if (t != null && !t.accessToken().equals(rejected)) {
      return Future.succeededFuture(t);
    }
    Key key = new Key(connectionId, TokenRefresher.Mode.AFTER_REJECTION);
    Future<ActiveToken> running = inflight.get(key);
    if (running != null) {
      return running;
    }
    java.time.Instant now = clock.instant();
    java.time.Instant last = lastForced.get(connectionId);
    if (last != null && now.isBefore(last.plus(FORCED_REFRESH_COOLDOWN)) && t != null) {
      return Future.succeededFuture(t);
    }
    lastForced.put(connectionId, now);
    cache.computeIfPresent(
        connectionId, (k, old) -> old.accessToken().equals(rejected) ? null : old);
    return run(connectionId, TokenRefresher.Mode.AFTER_REJECTION, rejected);
  }

  /** Refreshes now whatever the expiry (the keep-alive sweeper). */
  public Future<ActiveToken> keepAlive(String connectionId) {
    return run(connectionId, TokenRefresher.Mode.KEEP_ALIVE, null);
  }

  /** Forgets the token held for a connection (deleted, reconnected or failed in this process). */
  public void forget(String connectionId) {
    cache.remove(connectionId);
    lastForced.remove(connectionId);
  }

  private Future<ActiveToken> run(String id, TokenRefresher.Mode mode, String rejected) {
    Key key = new Key(id, mode);
    Promise<ActiveToken> mine = Promise.promise();
    Future<ActiveToken> theirs = inflight.putIfAbsent(key, mine.future());
    if (theirs != null) {
      return theirs;
    }
    vertx
        .<ActiveToken>executeBlocking(() -> refresher.obtain(id, mode, rejected), false)
        .onComplete(ar -> {
          inflight.remove(key, mine.future());
          if (ar.succeeded()) {
            cache.merge(id, ar.result(), (old, now) -> now.version() >= old.version() ? now : old);
          } else if (ar.cause() instanceof TokenUnavailableException e
              && e.reason() != TokenUnavailableException.Reason.BACKING_OFF) {
            cache.remove(id);
          }
          mine.handle(ar);
        });
    return mine.future();
  }
}
