package dev.keapgw.gateway;

import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.ratelimit.BucketStore;
import dev.keapgw.gateway.ratelimit.LocalBuckets;
import dev.keapgw.gateway.ratelimit.redis.RedisBuckets;
import dev.keapgw.gateway.store.Database;
import dev.keapgw.gateway.token.InProcessRefreshLock;
import dev.keapgw.gateway.token.PgRefreshLock;
import dev.keapgw.gateway.token.RefreshLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts that differ between one instance and a cluster: what is shared lives in the
 * engines the instances share (the refresh lock in PostgreSQL, rate-limit buckets in Redis),
 * otherwise in this process.
 */
final class ClusterWiring {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

  private ClusterWiring() {}

  /** The refresh lock: in PostgreSQL when the store is (instances may share it), else in process. */
  static RefreshLock refreshLock(GatewayConfig c, Database db) {
    if (!db.postgres()) {
      return new InProcessRefreshLock();
    }
    // wait for another instance's refresh at most as long as one may take, plus a margin
    return new PgRefreshLock(
        db.lockJdbi(),
        c.timeouts().response().plus(c.timeouts().connect()).plusSeconds(5),
        c.clock());
  }

  /** Rate-limit buckets: shared through Redis when configured, else in this process. */
  static BucketStore bucketStore(GatewayConfig c, Database db) {
    if (c.redisUrl() != null) {
      BucketStore shared;
      try {
        shared = RedisBuckets.connect(c.redisUrl(), c.clock());
      } catch (RedisBuckets.Unreachable e) {
        throw new StartFailure(new StartFailure.RedisUnreachable(e.where(), e.why()));
      }
      LOG.info("rate limits are shared by all instances through Redis");
      return shared;
    }
    if (!db.embedded()) {
      LOG.warn(
          "no --redis-url: rate limits (per account and the upstream budget) are counted per instance;"
              + " with N instances behind a load balancer an account may get up to N times its limit");
    }
    return new LocalBuckets(c.clock());
  }
}
