package dev.keapgw.gateway;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway's periodic chores on its worker threads: writing the keys' recorded last-use
 * times to the store and, on the embedded store, giving deleted space back.
 */
final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  /** How often the embedded store checks whether deletes left much of its file unused. */
  static final Duration COMPACT_EVERY = Duration.ofMinutes(5);

  private final GatewayServices services;
  private long flushTimer = -1;
  private long compactTimer = -1;

  Housekeeping(GatewayServices services) {
    this.services = services;
  }

  void start() {
    var vertx = services.vertx();
    if (services.db().embedded()) {
      // the embedded store never shrinks by itself while it runs: give deleted space back
      compactTimer = vertx.setPeriodic(
          COMPACT_EVERY.toMillis(),
          t -> vertx
              .executeBlocking(
                  () -> services.db().compactIfSparse(50, Duration.ofSeconds(2)), false)
              .onFailure(e -> LOG.warn("could not compact the store: {}", e.toString())));
    }
    flushTimer = vertx.setPeriodic(
        services.config().tuning().lastUseFlushEvery().toMillis(),
        t -> vertx.executeBlocking(
            () -> {
              services.auth().flushLastUse();
              return null;
            },
            false));
  }

  void stop() {
    if (flushTimer >= 0) {
      services.vertx().cancelTimer(flushTimer);
    }
    if (compactTimer >= 0) {
      services.vertx().cancelTimer(compactTimer);
    }
  }
}
