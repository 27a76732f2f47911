package dev.keapgw.gateway.ratelimit;

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
