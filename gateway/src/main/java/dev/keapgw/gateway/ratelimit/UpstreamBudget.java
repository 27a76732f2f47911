package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * The requests one upstream OAuth client may make, shared by every account and tenant behind
 * it, sized so that together they never reach Keap's own throttle (1500 per rolling minute per
 * client, and no more than about 25 in one second). The bucket holds at most one second's
 * worth and refills the rest evenly over the minute, so no 60-second window can exceed the
 * quota. With a shared {@link BucketStore} the budget holds for the whole cluster.
 */
public final class UpstreamBudget {
  private static final Future<Verdict> UNLIMITED =
      Future.succeededFuture(new Verdict(true, 0, Long.MAX_VALUE, 0, 0));

  private final BucketStore buckets;
  private final int perMinute;
  private final BucketConfiguration config;

  /** @param perMinute requests per minute per client; 0 for no budget */
  public UpstreamBudget(int perMinute, Clock clock) {
    this(perMinute, new LocalBuckets(clock));
  }

  public UpstreamBudget(int perMinute, BucketStore buckets) {
    this.buckets = buckets;
    this.perMinute = perMinute;
    long burst = Math.max(1, perMinute / 60);
    this.config = perMinute <= 0
        ? null
        : BucketConfiguration.builder()
            .addLimit(l -> l.capacity(burst)
                .refillGreedy(Math.max(1, perMinute - burst), Duration.ofMinutes(1)))
            .build();
  }

  public boolean enabled() {
    return perMinute > 0;
  }

  public Future<Verdict> tryAcquire(String clientKey) {
    if (!enabled()) {
      return UNLIMITED;
    }
    return buckets
        .tryConsume("budget:" + clientKey + ":" + perMinute, config)
        .map(p -> Verdict.of(p, perMinute));
  }
}
