package dev.keapgw.gateway.ratelimit.redis;

import dev.keapgw.gateway.ratelimit.BucketStore;
import dev.keapgw.gateway.ratelimit.ClockTimeMeter;
import dev.keapgw.gateway.ratelimit.LocalBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets shared by every instance through Redis (Bucket4j's compare-and-swap over
 * Lettuce, asynchronous, so no event loop waits on Redis). Bucket state is computed with the
 * gateway's clock, so instances need clocks that agree (NTP) as they do for token expiry.
 *
 * <p>When Redis fails (down, unreachable, slower than {@link #TIMEOUT}) the limits fail
 * <em>open to per instance</em>: requests are counted in this process's own buckets for the
 * next second, then Redis is tried again. A Redis outage thus neither stops traffic nor lifts
 * the limits: each instance still holds each account to its rate, so the cluster admits at
 * most the number of instances times the rate until Redis is back.
 */
public final class RedisBuckets implements BucketStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBuckets.class);
  /**
   * The longest a request waits on Redis before the local buckets answer instead, unless the
   * Redis URL sets its own ({@code redis://host:6379?timeout=2s}).
   */
  static final Duration TIMEOUT = Duration.ofMillis(500);

  private static final long BYPASS_NANOS = Duration.ofSeconds(1).toNanos();
  private static final String PREFIX = "keapgw:rl:";

  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final AsyncProxyManager<String> proxies;
  private final LocalBuckets fallback;
  private final Map<String, AsyncBucketProxy> bucketProxies = new ConcurrentHashMap<>();
  private volatile long bypassUntil;
  private volatile boolean degraded;

  private RedisBuckets(
      ClientResources resources,
      RedisClient client,
      StatefulRedisConnection<String, byte[]> connection,
      AsyncProxyManager<String> proxies,
      LocalBuckets fallback) {
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.proxies = proxies;
    this.fallback = fallback;
  }

  /**
   * Connects to Redis at {@code url}.
   *
   * @throws Unreachable when Redis cannot be reached now (the gateway does not start)
   */
  public static RedisBuckets connect(String url, Clock clock) {
    ClientResources resources = ClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(
            Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
        .build();
    RedisURI uri = RedisURI.create(url);
    Duration timeout = url.contains("timeout=") ? uri.getTimeout() : TIMEOUT;
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // while disconnected, fail at once (the local buckets answer) rather than queue
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    StatefulRedisConnection<String, byte[]> connection;
    try {
      connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    } catch (RuntimeException e) {
      client.shutdown();
      resources.shutdown();
      throw new Unreachable(
          redacted(url), String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
    }
    TimeMeter time = new ClockTimeMeter(clock);
    AsyncProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(connection)
        .clientClock(time)
        .requestTimeout(timeout)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
            Duration.ofSeconds(60)))
        .build()
        .asAsync();
    return new RedisBuckets(resources, client, connection, proxies, new LocalBuckets(clock));
  }

  @Override
  public Future<ConsumptionProbe> tryConsume(String key, BucketConfiguration config) {
    if (System.nanoTime() - bypassUntil < 0) {
      return fallback.tryConsume(key, config);
    }
    Context ctx = Vertx.currentContext();
    CompletableFuture<ConsumptionProbe> answer;
    try {
      answer = proxy(key, config).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      return Future.succeededFuture(degrade(key, config, e));
    }
    Future<ConsumptionProbe> f =
        ctx == null ? Future.fromCompletionStage(answer) : Future.fromCompletionStage(answer, ctx);
    return f.map(p -> {
          if (degraded) {
            degraded = false;
            LOG.info("Redis answers again: rate limits are shared by all instances again");
          }
          return p;
        })
        .recover(e -> Future.succeededFuture(degrade(key, config, e)));
  }

  @Override
  public Future<Long> waitNanos(String key, BucketConfiguration config) {
    if (System.nanoTime() - bypassUntil < 0) {
      return fallback.waitNanos(key, config);
    }
    Context ctx = Vertx.currentContext();
    CompletableFuture<Long> answer;
    try {
      answer = proxy(key, config)
          .estimateAbilityToConsume(1)
          .thenApply(p -> p.canBeConsumed() ? 0L : p.getNanosToWaitForRefill());
    } catch (RuntimeException e) {
      degrade(e);
      return fallback.waitNanos(key, config);
    }
    Future<Long> f =
        ctx == null ? Future.fromCompletionStage(answer) : Future.fromCompletionStage(answer, ctx);
    return f.recover(e -> {
      degrade(e);
      return fallback.waitNanos(key, config);
    });
  }

  private AsyncBucketProxy proxy(String key, BucketConfiguration config) {
    // batching: concurrent requests of this instance for one bucket share one round trip
    return bucketProxies.computeIfAbsent(
        key,
        k -> proxies
            .builder()
            .withOptimization(Optimizations.batching())
            .build(PREFIX + k, () -> CompletableFuture.completedFuture(config)));
  }

  private void degrade(Throwable e) {
    bypassUntil = System.nanoTime() + BYPASS_NANOS;
    if (!degraded) {
      degraded = true;
      LOG.warn(
          "Redis failed ({}): rate limits are counted per instance until it answers again",
          e.toString());
    }
  }

  private ConsumptionProbe degrade(String key, BucketConfiguration config, Throwable e) {
    degrade(e);
    return fallback.consume(key, config);
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** The URL without a password, for messages. */
  /** Redis could not be reached at start; {@code where} is its URL without a password. */
  public static final class Unreachable extends IllegalStateException {
    private final String where;
    private final String why;

    Unreachable(String where, String why) {
      super("cannot reach Redis at " + where + ": " + why);
      this.where = where;
      this.why = why;
    }

    public String where() {
      return where;
    }

    public String why() {
      return why;
    }
  }

  static String redacted(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
