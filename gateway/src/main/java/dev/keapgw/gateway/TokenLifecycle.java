package dev.keapgw.gateway;

import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.store.Leases;
import dev.keapgw.gateway.token.KeepAliveSweeper;
import dev.keapgw.gateway.token.RefreshPolicy;
import dev.keapgw.gateway.token.TokenManager;
import dev.keapgw.gateway.token.TokenRefresher;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token lifecycle of a gateway, assembled: the {@link TokenManager} the data plane and the
 * triggers take tokens from, its refresher behind the refresh lock (in process, or PostgreSQL's
 * on a shared store), and the keep-alive sweeper, which runs on one instance of a cluster at a
 * time (the holder of its lease).
 */
final class TokenLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(TokenLifecycle.class);
  static final String SWEEPER_LEASE = "keep-alive-sweeper";

  private final TokenManager tokens;
  private final KeepAliveSweeper sweeper;
  private final Leases leases;
  /** This process among the instances of a cluster (the holder of leases). */
  private final String instanceId = UUID.randomUUID().toString();

  TokenLifecycle(GatewayServices services) {
    GatewayConfig c = services.config();
    RefreshPolicy policy = new RefreshPolicy(
        c.timeouts().refreshMargin(),
        c.timeouts().refreshBackoffMax(),
        () -> ThreadLocalRandom.current().nextDouble());
    TokenRefresher refresher = new TokenRefresher(
        services.connectionRepo(),
        services.secrets(),
        services.oauth(),
        c.apps(),
        ClusterWiring.refreshLock(c, services.db()),
        policy,
        c.clock(),
        c.timeouts().response(),
        services.metrics());
    tokens = new TokenManager(services.vertx(), refresher, policy, c.clock());
    Duration sweepEvery = c.tuning().sweepEvery();
    leases = new Leases(services.db().jdbi());
    sweeper = new KeepAliveSweeper(
        services.vertx(),
        services.connectionRepo(),
        tokens,
        c.clock(),
        c.timeouts().keepAliveEvery(),
        sweepEvery,
        () -> leases.tryAcquire(
            SWEEPER_LEASE, instanceId, c.clock().instant(), sweepEvery.multipliedBy(3)));
  }

  TokenManager tokens() {
    return tokens;
  }

  KeepAliveSweeper sweeper() {
    return sweeper;
  }

  /** Starts the keep-alive sweeper (once the gateway listens). */
  void start() {
    sweeper.start();
  }

  void stop() {
    sweeper.stop();
  }

  /** Gives up the sweeper's lease, so that another instance takes over at once. */
  void releaseLease() {
    try {
      leases.release(SWEEPER_LEASE, instanceId);
    } catch (RuntimeException e) {
      LOG.warn(
          "could not give up the sweeper's lease (another instance takes it when it expires): {}",
          e.toString());
    }
  }
}
