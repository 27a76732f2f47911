package dev.keapgw.gateway.token;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to refresh and how long to wait after a failure. Refresh ahead of expiry by a margin
 * that is never more than half the token's lifetime; after a transient failure wait
 * exponentially longer (from 2 s, with jitter) up to a maximum, so a broken connection tries a
 * few hundred times a day at most, not tens of thousands.
 */
public final class RefreshPolicy {
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
  private final Duration margin;
  private final Duration maxBackoff;
  private final DoubleSupplier random;

  public RefreshPolicy(Duration margin, Duration maxBackoff, DoubleSupplier random) {
    this.margin = margin;
    this.maxBackoff = maxBackoff;
    this.random = random;
  }

  /** Whether a token issued at {@code issuedAt} and expiring at {@code expiresAt} should be refreshed at {@code now}. */
  public boolean due(Instant issuedAt, Instant expiresAt, Instant now) {
    if (expiresAt == null) {
      return true;
    }
    return !now.isBefore(expiresAt.minus(effectiveMargin(issuedAt, expiresAt)));
  }

  /** The margin for a token of this lifetime: the configured one, or half the lifetime if less. */
  public Duration effectiveMargin(Instant issuedAt, Instant expiresAt) {
    if (issuedAt == null || !issuedAt.isBefore(expiresAt)) {
      return Duration.ZERO;
    }
    Duration half = Duration.between(issuedAt, expiresAt).dividedBy(2);
    return half.compareTo(margin) < 0 ? half : margin;
  }

  /** When to try again after {@code failures} consecutive transient failures. */
  public Instant nextAttempt(int failures, Instant now) {
    long base = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    long jittered = (long) (capped * (0.8 + 0.4 * random.getAsDouble()));
    return now.plusMillis(Math.max(jittered, 1));
  }
}
