package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's request rate: a token bucket refilled at the account's rate per second that
 * holds {@code burst} extra requests, so short bursts pass and a sustained flood is held to
 * the rate. In process; a cluster shares buckets through Redis instead.
 */
public final class AccountRateLimiter {
  private record Key(String accountId, int perSecond) {}

  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
  private final int defaultPerSecond;
  private final int burst;
  private final ClockTimeMeter time;

  public AccountRateLimiter(int defaultPerSecond, int burst, Clock clock) {
    this.defaultPerSecond = defaultPerSecond;
    this.burst = burst;
    this.time = new ClockTimeMeter(clock);
  }

  /** Counts one request of an account whose own limit is {@code perSecond} (null: the default). */
  public Verdict tryAcquire(String accountId, Integer perSecond) {
    int rate = perSecond == null ? defaultPerSecond : perSecond;
    Bucket b = buckets.computeIfAbsent(new Key(accountId, rate), k -> Bucket.builder()
        .addLimit(l -> l.capacity((long) rate + burst).refillGreedy(rate, Duration.ofSeconds(1)))
        .withCustomTimePrecision(time)
        .build());
    ConsumptionProbe p = b.tryConsumeAndReturnRemaining(1);
    return new Verdict(p.isConsumed(), rate, p.getRemainingTokens(), p.isConsumed() ? 0 : p.getNanosToWaitForRefill(),
        p.getNanosToWaitForReset());
  }
}
