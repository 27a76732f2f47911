package dev.keapgw.client;

import java.time.Duration;

/**
 * Waits between retries and between polls. The client never calls {@link Thread#sleep}
 * itself, so tests inject a sleeper that records the waits (and advances a test clock)
 * instead of spending them.
 */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep(Duration)}. */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d);
      }
    };
  }
}
