package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * Each account's request rate: a token bucket of {@code rate + burst} requests, refilled at the
 * account's rate per second. From a full bucket exactly {@code rate + burst} requests pass at
 * once; after that the rate holds. The {@link Verdict}'s {@code limit} is the bucket's size, so
 * {@code X-RateLimit-Remaining} never exceeds {@code X-RateLimit-Limit}. The buckets live in a
 * {@link BucketStore}: this process, or Redis for a cluster.
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

  /** The sustained rate of an account whose own limit is {@code perSecond} (null: the default). */
  public int rate(Integer perSecond) {
    return perSecond == null ? defaultPerSecond : perSecond;
  }

  /**
   * Counts one request of an account whose own limit is {@code perSecond} (null: the default).
   * The verdict's {@code limit} is the bucket's size, {@code rate + burst}.
   */
  public Future<Verdict> tryAcquire(String accountId, Integer perSecond) {
    int rate = rate(perSecond);
    Named n = named.get(accountId);
    if (n == null || n.rate() != rate) {
      // a changed limit gets a bucket of its own (the key names the rate)
      n = new Named(
          rate,
          "account:" + accountId + ":" + rate + ":" + burst,
          BucketConfiguration.builder()
              .addLimit(
                  l -> l.capacity((long) rate + burst).refillGreedy(rate, Duration.ofSeconds(1)))
              .build());
      named.put(accountId, n);
    }
    return buckets.tryConsume(n.key(), n.config()).map(p -> Verdict.of(p, (long) rate + burst));
  }
}
