package dev.keapgw.gateway.trigger.delivery;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: Standard Webhooks' schedule (5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h after each failure: eight attempts over a little more than a day), each wait
 * lengthened by up to a fifth at random so that many failing deliveries do not come back at
 * once (only lengthened: the schedule stays longer than a day, and the first retry comes
 * within 10 s). A {@code Retry-After} from the destination replaces the wait (at most a day).
 */
public final class RetrySchedule {
  static final List<Duration> WAITS = List.of(
      Duration.ofSeconds(5),
      Duration.ofMinutes(5),
      Duration.ofMinutes(30),
      Duration.ofHours(2),
      Duration.ofHours(5),
      Duration.ofHours(10),
      Duration.ofHours(10));
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private final DoubleSupplier random;

  /** @param random uniform in [0, 1) (injected so tests can pin the jitter) */
  public RetrySchedule(DoubleSupplier random) {
    this.random = random;
  }

  /** Attempts a delivery gets in all before it is given up. */
  public static int maxAttempts() {
    return WAITS.size() + 1;
  }

  /**
   * The wait after the {@code attempts}-th failed attempt, or null when that was the last one.
   *
   * @param retryAfter what the destination asked for, or null
   */
  public Duration next(int attempts, Duration retryAfter) {
    if (attempts >= maxAttempts()) {
      return null;
    }
    if (retryAfter != null) {
      if (retryAfter.isNegative()) {
        return Duration.ZERO;
      }
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }
    Duration base = WAITS.get(Math.max(0, attempts - 1));
    double factor = 1.0 + 0.2 * random.getAsDouble();
    return Duration.ofMillis((long) (base.toMillis() * factor));
  }
}
