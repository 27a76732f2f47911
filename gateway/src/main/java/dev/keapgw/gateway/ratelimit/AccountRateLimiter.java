package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * Each account's request rate: a token bucket refilled at the account's rate per second that
 * holds {@code burst} extra requests, so short bursts pass and a sustained flood is held to
 * the rate. The buckets live in a {@link BucketStore}: this process, or Redis for a cluster.
 */
public final class AccountRateLimiter {
  private final BucketStore buckets;
  private final int defaultPerSecond;
  private final int burst;
  private final java.util.Map<Integer, BucketConfiguration> configs = new java.util.concurrent.ConcurrentHashMap<>();

  public AccountRateLimiter(int defaultPerSecond, int burst, Clock clock) {
    this(defaultPerSecond, burst, new LocalBuckets(clock));
  }

  public AccountRateLimiter(int defaultPerSecond, int burst, BucketStore buckets) {
    this.buckets = buckets;
    this.defaultPerSecond = defaultPerSecond;
    this.burst = burst;
  }

  /** Counts one request of an account whose own limit is {@code perSecond} (null: the default). */
  public Future<Verdict> tryAcquire(String accountId, Integer perSecond) {
    int rate = perSecond == null ? defaultPerSecond : perSecond;
    BucketConfiguration config = configs.computeIfAbsent(rate, r -> BucketConfiguration.builder()
        .addLimit(l -> l.capacity((long) r + burst).refillGreedy(r, Duration.ofSeconds(1)))
        .build());
    return buckets.tryConsume("account:" + accountId + ":" + rate + ":" + burst, config)
        .map(p -> Verdict.of(p, rate));
  }
}
