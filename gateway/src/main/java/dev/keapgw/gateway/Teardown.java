package dev.keapgw.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One step of stopping a gateway; {@link #step} runs it so that a failure never skips the steps after it. */
interface Teardown {
  Logger LOG = LoggerFactory.getLogger(Gateway.class);

  void run() throws Exception;

  /** Runs {@code t}, logging (not throwing) what goes wrong. */
  static void step(String what, Teardown t) {
    try {
      t.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping {}", what);
    } catch (Exception e) {
      LOG.warn("while stopping {}: {}", what, e.toString());
    }
  }
}
