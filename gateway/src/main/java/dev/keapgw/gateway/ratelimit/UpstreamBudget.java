package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests one upstream OAuth client may make, shared by every account and tenant behind
 * it, sized so that together they never reach Keap's own throttle (1500 per rolling minute per
 * client, and no more than about 25 in one second). The bucket holds at most one second's
 * worth and refills the rest evenly over the minute, so no 60-second window can exceed the
 * quota.
 */
public final class UpstreamBudget {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final int perMinute;
  private final ClockTimeMeter time;

  /** @param perMinute requests per minute per client; 0 for no budget */
  public UpstreamBudget(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.time = new ClockTimeMeter(clock);
  }

  public boolean enabled() {
    return perMinute > 0;
  }

  public Verdict tryAcquire(String clientKey) {
    if (!enabled()) {
      return new Verdict(true, 0, Long.MAX_VALUE, 0, 0);
    }
    Bucket b = buckets.computeIfAbsent(clientKey, k -> {
      long burst = Math.max(1, perMinute / 60);
      return Bucket.builder()
          .addLimit(l -> l.capacity(burst).refillGreedy(Math.max(1, perMinute - burst), Duration.ofMinutes(1)))
          .withCustomTimePrecision(time)
          .build();
    });
    ConsumptionProbe p = b.tryConsumeAndReturnRemaining(1);
    return new Verdict(p.isConsumed(), perMinute, p.getRemainingTokens(), p.isConsumed() ? 0 : p.getNanosToWaitForRefill(),
        p.getNanosToWaitForReset());
  }
}
