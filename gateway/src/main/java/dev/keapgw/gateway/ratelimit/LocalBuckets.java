package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets in this process, on the gateway's injected clock. Answers at once. */
public final class LocalBuckets implements BucketStore {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final ClockTimeMeter time;

  public LocalBuckets(Clock clock) {
    this.time = new ClockTimeMeter(clock);
  }

  @Override
  public Future<ConsumptionProbe> tryConsume(String key, BucketConfiguration config) {
    return Future.succeededFuture(consume(key, config));
  }

  @Override
  public Future<Long> waitNanos(String key, BucketConfiguration config) {
    return Future.succeededFuture(nanosUntilAvailable(key, config));
  }

  /** The same as {@link #tryConsume}, without a future. */
  public ConsumptionProbe consume(String key, BucketConfiguration config) {
    return buckets.computeIfAbsent(key, k -> build(config)).tryConsumeAndReturnRemaining(1);
  }

  /**
   * How long until the bucket named {@code key} holds a token, without taking one; 0 when it
   * holds one now or does not exist yet (a new bucket starts full).
   */
  public long nanosUntilAvailable(String key, BucketConfiguration config) {
    Bucket b = buckets.get(key);
    return b == null ? 0 : b.estimateAbilityToConsume(1).getNanosToWaitForRefill();
  }

  /** How many buckets exist (for holders that bound their number). */
  public int size() {
    return buckets.size();
  }

  /** Forgets every bucket: each starts full again. */
  public void clear() {
    buckets.clear();
  }

  private Bucket build(BucketConfiguration config) {
    LocalBucketBuilder b = Bucket.builder();
    for (Bandwidth limit : config.getBandwidths()) {
      b.addLimit(limit);
    }
    return b.withCustomTimePrecision(time).build();
  }

  @Override
  public boolean shared() {
    return false;
  }
}
