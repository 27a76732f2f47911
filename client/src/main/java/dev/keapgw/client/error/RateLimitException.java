package dev.keapgw.client.error;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 429 after the client's retries ran out, or at once when waiting is pointless (Keap's daily
 * quota is spent, or {@code Retry-After} asks for longer than the client may wait). Comes from
 * the gateway's per-account limit, the gateway's upstream budget, or Keap's quotas.
 */
public final class RateLimitException extends KeapApiException {
  private final Duration retryAfter;

  RateLimitException(Details d) {
    super(d);
    this.retryAfter = d.retryAfter();
  }

  /** How long the server asked to wait ({@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** When Keap's daily quota resets, if it is the daily quota that is spent. */
  public Optional<Instant> dailyResetAt() {
    return quota() != null && quota().dailyExhausted() ? quota().dailyResetAt() : Optional.empty();
  }
}
