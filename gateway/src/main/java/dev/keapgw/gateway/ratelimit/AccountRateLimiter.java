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
  /** Per account, the bucket that applies to its current rate, named once (this runs on every request). */
  private final java.util.Map<String, Named> named = new java.util.concurrent.ConcurrentHashMap<>();

  private record Named(int rate, String key, BucketConfiguration config) {}

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
    Named n = named.get(accountId);
    if (n == null || n.rate() != rate) {
      // a changed limit gets a bucket of its own (the key names the rate)
      n = new Named(rate, "account:" + accountId + ":" + rate + ":" + burst, BucketConfiguration.builder()
          .addLimit(l -> l.capacity((long) rate + burst).refillGreedy(rate, Duration.ofSeconds(1)))
          .build());
      named.put(accountId, n);
    }
    return buckets.tryConsume(n.key(), n.config()).map(p -> Verdict.of(p, rate));
  }
}
