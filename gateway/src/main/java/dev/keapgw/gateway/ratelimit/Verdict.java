package dev.keapgw.gateway.ratelimit;

/**
 * The outcome of asking a limiter for one request.
 *
 * @param limit the most requests that pass at once (the bucket's size: for an account its rate
 *     plus its burst; for the upstream budget, its requests per minute)
 * @param remaining requests that pass now without waiting (never more than {@code limit})
 * @param waitNanos when refused: how long until one request fits; else 0
 * @param resetNanos how long until the bucket is full again ({@code remaining} back at {@code limit})
 */
public record Verdict(
    boolean allowed, long limit, long remaining, long waitNanos, long resetNanos) {
  static Verdict of(io.github.bucket4j.ConsumptionProbe p, long limit) {
    return new Verdict(
        p.isConsumed(),
        limit,
        p.getRemainingTokens(),
        p.isConsumed() ? 0 : p.getNanosToWaitForRefill(),
        p.getNanosToWaitForReset());
  }

  /** Whole seconds to wait before retrying, at least 1 (for {@code Retry-After}). */
  public long retryAfterSeconds() {
    return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  public long resetSeconds() {
    return (resetNanos + 999_999_999L) / 1_000_000_000L;
  }
}
