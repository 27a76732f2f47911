package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Future;

/**
 * Where the limiters' token buckets live: in this process ({@link LocalBuckets}) or shared by
 * every instance through Redis ({@code redis.RedisBuckets}). The limiters and the proxy are the
 * same either way. Answers complete on the caller's Vert.x context.
 */
public interface BucketStore extends AutoCloseable {
  /**
   * Takes one token from the bucket named {@code key}, which is made with {@code config} if it
   * does not exist yet. A key names one configuration: a changed limit gets a new key.
   */
  Future<ConsumptionProbe> tryConsume(String key, BucketConfiguration config);

  /**
   * How long until the bucket named {@code key} holds a token, without taking one; 0 when it
   * holds one now or does not exist yet (a new bucket starts full).
   */
  Future<Long> waitNanos(String key, BucketConfiguration config);

  /** Whether every instance sees the same buckets (false: limits hold per instance). */
  boolean shared();

  @Override
  default void close() {}
}
