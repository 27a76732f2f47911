package dev.keapgw.gateway.account;

import dev.keapgw.gateway.http.ErrorType;
import dev.keapgw.gateway.http.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns {@code Authorization: Bearer <api key>} into a {@link Principal}. Lookups are cached
 * for at most {@code ttl} (one second by default), so a revoked key or a changed limit takes
 * effect within that time on every instance, and at once on the instance that made the change
 * (it calls {@link #invalidate}). Last use is recorded in batches, never per request.
 */
public final class ApiKeyAuthenticator {
  private static final int MAX_CACHED = 100_000;

  private record Cached(Optional<AccountRepository.KeyOwner> owner, long expiresAtNanos) {}

  private final Vertx vertx;
  private final AccountRepository repo;
  private final Clock clock;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, java.time.Instant> lastUse = new ConcurrentHashMap<>();

  public ApiKeyAuthenticator(Vertx vertx, AccountRepository repo, Clock clock, Duration ttl) {
    this.vertx = vertx;
    this.repo = repo;
    this.clock = clock;
    this.ttlNanos = ttl.toNanos();
  }

  public Future<Principal> authenticate(String authorization) {
    String key = bearer(authorization);
    if (key == null) {
      return Future.failedFuture(unauthorized(
          "Missing API key: send it as 'Authorization: Bearer <your API key>'."));
    }
    String hash = KeySecrets.hash(key);
    Cached c = cache.get(hash);
    if (c != null && System.nanoTime() - c.expiresAtNanos < 0) {
      return answer(c.owner);
    }
    return vertx.executeBlocking(() -> repo.ownerOf(hash), false).compose(owner -> {
      if (cache.size() > MAX_CACHED) {
        cache.clear();
      }
      cache.put(hash, new Cached(owner, System.nanoTime() + ttlNanos));
      return answer(owner);
    });
  }

  /**
   * The principal when the key's lookup is cached and fresh (the data plane's fast path); null
   * when the store must be asked. A cached unknown key throws the 401.
   */
  public Principal cached(String authorization) {
    String key = bearer(authorization);
    if (key == null) {
      return null;
    }
    Cached c = cache.get(KeySecrets.hash(key));
    if (c == null || System.nanoTime() - c.expiresAtNanos >= 0) {
      return null;
    }
    if (c.owner.isEmpty()) {
      throw unauthorized(
          "Invalid API key: it is unknown or was revoked. Check MATON_API_KEY, or ask the operator for a new key.");
    }
    lastUse.put(c.owner.get().keyId(), clock.instant());
    return new Principal(c.owner.get().keyId(), c.owner.get().account());
  }

  private Future<Principal> answer(Optional<AccountRepository.KeyOwner> owner) {
    if (owner.isEmpty()) {
      return Future.failedFuture(unauthorized(
          "Invalid API key: it is unknown or was revoked. Check MATON_API_KEY, or ask the operator for a new key."));
    }
    lastUse.put(owner.get().keyId(), clock.instant());
    return Future.succeededFuture(new Principal(owner.get().keyId(), owner.get().account()));
  }

  /** Forgets every cached lookup (after a revocation, an account change or deletion). */
  public void invalidate() {
    cache.clear();
  }

  /** Writes recorded last-use times to the store. Blocking. */
  public void flushLastUse() {
    if (lastUse.isEmpty()) {
      return;
    }
    Map<String, java.time.Instant> batch = Map.copyOf(lastUse);
    batch.forEach(lastUse::remove);
    repo.touchKeys(batch);
  }

  static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String key = authorization.substring(7).trim();
    return key.isEmpty() || key.length() > 512 ? null : key;
  }

  private static GatewayException unauthorized(String message) {
    return new GatewayException(ErrorType.UNAUTHORIZED, message).header("WWW-Authenticate", "Bearer");
  }
}
