package dev.keapgw.gateway.account;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.store.StoreCache;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns {@code Authorization: Bearer <api key>} into a {@link Principal}. Lookups are cached
 * for at most {@code ttl} (one second by default, re-read in the background before then: see
 * {@link StoreCache}), so a revoked key or a changed limit takes effect within that time on
 * every instance, and at once on the instance that made the change (it calls
 * {@link #invalidate}). Last use is recorded in batches, never per request.
 */
public final class ApiKeyAuthenticator {
  private static final int MAX_CACHED = 100_000;

  private final Vertx vertx;
  private final Clock clock;
  /** Key hash to its owner, or empty for a key that is unknown or revoked. */
  private final LoadingCache<String, Optional<AccountRepository.KeyOwner>> cache;

  private final Map<String, java.time.Instant> lastUse = new ConcurrentHashMap<>();
  private final AccountRepository repo;

  public ApiKeyAuthenticator(Vertx vertx, AccountRepository repo, Clock clock, Duration ttl) {
    this.vertx = vertx;
    this.repo = repo;
    this.clock = clock;
    this.cache = StoreCache.of(vertx, ttl, MAX_CACHED, repo::ownerOf);
  }

  public Future<Principal> authenticate(String authorization) {
    String key = bearer(authorization);
    if (key == null) {
      return Future.failedFuture(
          unauthorized("Missing API key: send it as 'Authorization: Bearer <your API key>'."));
    }
    String hash = KeySecrets.hash(key);
    Optional<AccountRepository.KeyOwner> known = cache.getIfPresent(hash);
    if (known != null) {
      return answer(known);
    }
    return vertx.executeBlocking(() -> cache.get(hash), false).compose(this::answer);
  }

  private Future<Principal> answer(Optional<AccountRepository.KeyOwner> owner) {
    if (owner.isEmpty()) {
      return Future.failedFuture(
          unauthorized(
              "Invalid API key: it is unknown or was revoked. Check MATON_API_KEY, or ask the operator for a new key."));
    }
    lastUse.put(owner.get().keyId(), clock.instant());
    return Future.succeededFuture(new Principal(owner.get().keyId(), owner.get().account()));
  }

  /** Forgets every cached lookup (after a revocation, an account change or deletion). */
  public void invalidate() {
    cache.invalidateAll();
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
    return new GatewayException(ErrorType.UNAUTHORIZED, message)
        .header("WWW-Authenticate", "Bearer");
  }
}
