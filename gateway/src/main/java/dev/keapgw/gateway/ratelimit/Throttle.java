package dev.keapgw.gateway.ratelimit;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import io.github.bucket4j.BucketConfiguration;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * A limit on attempts of one kind per key (wrong admin tokens per address, sign-ins per
 * account, ...): {@code burst} at once, then {@code perPeriod} each {@code period}. With a shared
 * {@link BucketStore} (Redis) it holds for the whole cluster, so N instances do not allow N
 * times as many; otherwise it lives in this process, in buckets of its own that are forgotten
 * all at once past {@link #MAX_LOCAL_KEYS} keys (a flood of keys only resets it, memory stays
 * bounded). In Redis a bucket expires once it would be full again.
 */
public final class Throttle {
  /**
   * Wrong credentials (admin tokens, API keys at the console's sign-in) one address may send at
   * once, and then per second.
   */
  public static final int WRONG_CREDENTIAL_BURST = 10;

  public static final int WRONG_CREDENTIALS_PER_SECOND = 1;
  /** Keys a throttle in this process remembers at most. */
  static final int MAX_LOCAL_KEYS = 10_000;

  private final String name;
  private final BucketConfiguration config;
  private final BucketStore store;
  private final LocalBuckets local;

  private Throttle(String name, BucketConfiguration config, BucketStore store, LocalBuckets local) {
    this.name = name;
    this.config = config;
    this.store = store;
    this.local = local;
  }

  /**
   * A throttle named {@code name} (a bucket-key prefix: unique per kind of attempt), in
   * {@code shared} when that store is shared by the cluster, else in this process.
   */
  public static Throttle of(
      String name, int burst, int perPeriod, Duration period, BucketStore shared, Clock clock) {
    BucketConfiguration config = BucketConfiguration.builder()
        .addLimit(l -> l.capacity(burst).refillGreedy(perPeriod, period))
        .build();
    if (shared != null && shared.shared()) {
      return new Throttle(name, config, shared, null);
    }
    LocalBuckets local = new LocalBuckets(clock);
    return new Throttle(name, config, local, local);
  }

  /**
   * The throttle of wrong credentials per address: {@value #WRONG_CREDENTIAL_BURST} at once,
   * then {@value #WRONG_CREDENTIALS_PER_SECOND} a second. Its holder asks {@link #waitNanos}
   * before it looks at a credential and refuses the request while the address must wait (the
   * right credential included, so that guessing faster than the limit learns nothing), and
   * {@link #spend}s one attempt for each wrong credential before it answers.
   */
  public static Throttle wrongCredentials(String name, BucketStore shared, Clock clock) {
    return of(
        name,
        WRONG_CREDENTIAL_BURST,
        WRONG_CREDENTIALS_PER_SECOND,
        Duration.ofSeconds(1),
        shared,
        clock);
  }

  /** The 429 for an address that must wait {@code waitNanos}: {@code what} names the credential. */
  public static GatewayException refusal(String what, long waitNanos) {
    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    return new GatewayException(
            ErrorType.RATE_LIMITED,
            "Too many wrong " + what + " from this address: retry after " + seconds + " s.")
        .header("Retry-After", Long.toString(seconds));
  }

  /** How long until {@code key} may make another attempt; 0 when it may now. Takes nothing. */
  public Future<Long> waitNanos(String key) {
    return store.waitNanos(bucket(key), config);
  }

  /** Counts one attempt of {@code key}; whether it was within the limit. */
  public Future<Boolean> spend(String key) {
    return store.tryConsume(bucket(key), config).map(p -> p.isConsumed());
  }

  /** Whether the limit holds for every instance of a cluster (false: per instance). */
  public boolean shared() {
    return local == null;
  }

  private String bucket(String key) {
    if (local != null && local.size() > MAX_LOCAL_KEYS) {
      local.clear();
    }
    return name + ":" + key;
  }
}
