package dev.keapgw.sandbox.resthooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Keap's REST hook timing, scaled: {@code unit} stands for Keap's 30 seconds, and every delay
 * of Keap's policy is a multiple of it. First attempt 1 to 2 units after the change (10 to 20
 * for {@link EventKeys#slow} keys); after a failed attempt, the next one 1 to 2 units, 10
 * units (Keap's 5 minutes), then 60 units (30 minutes) later; four attempts in all.
 *
 * @param unit Keap's 30 s by default ({@code SandboxConfig.hookDelay})
 * @param random a number in [0, 1) that places a delay within its range
 */
record HookTiming(Duration unit, DoubleSupplier random) {
  static final int MAX_ATTEMPTS = 4;
  /** How long a receiver may take to answer before the attempt counts as failed, as at Keap (not scaled). */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** How long after a change its first delivery is attempted. */
  Duration firstAttempt(String eventKey) {
    return EventKeys.slow(eventKey) ? between(10, 20) : between(1, 2);
  }

  /** How long after failed attempt {@code attempt} (1-based) the next one is made. */
  Duration retryAfter(int attempt) {
    return switch (attempt) {
      case 1 -> between(1, 2);
      case 2 -> units(10);
      default -> units(60);
    };
  }

  private Duration between(int lowUnits, int highUnits) {
    long low = units(lowUnits).toNanos();
    long high = units(highUnits).toNanos();
    return Duration.ofNanos(low + (long) ((high - low) * random.getAsDouble()));
  }

  private Duration units(int n) {
    return unit.multipliedBy(n);
  }
}
