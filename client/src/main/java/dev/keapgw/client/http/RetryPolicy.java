package dev.keapgw.client.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before trying a request again. Retried: 429, 502, 503 and 504, and
 * transport failures (no answer, broken connection, timeout), for idempotent requests (GET,
 * HEAD, PUT, DELETE, OPTIONS); a POST or PATCH only after a 429, which the gateway and Keap
 * both answer before doing any work.
 *
 * <p>The n-th retry waits {@code b = min(maxDelay, initialDelay * multiplier^(n-1))} with
 * "equal jitter": {@code b/2 + jitter() * b/2}, so never less than half of {@code b}. A
 * {@code Retry-After} on the answer replaces that wait; if it asks for more than
 * {@code maxRetryAfter}, the client gives up at once instead.
 *
 * @param maxAttempts attempts in all, the first included (1: never retry)
 * @param initialDelay the wait before the first retry, before jitter
 * @param maxDelay the longest wait, before jitter
 * @param multiplier growth of the wait per retry
 * @param maxRetryAfter the longest {@code Retry-After} worth waiting for
 * @param jitter a source of numbers in [0, 1); inject a constant in tests
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    Duration maxDelay,
    double multiplier,
    Duration maxRetryAfter,
    DoubleSupplier jitter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1");
    }
  }

  /** 5 attempts, 0.5 s doubling up to 30 s, Retry-After honoured up to 60 s, random jitter. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        2.0,
        Duration.ofSeconds(60),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return defaults().withMaxAttempts(1);
  }

  public RetryPolicy withMaxAttempts(int n) {
    return new RetryPolicy(n, initialDelay, maxDelay, multiplier, maxRetryAfter, jitter);
  }

  public RetryPolicy withDelays(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, multiplier, maxRetryAfter, jitter);
  }

  public RetryPolicy withJitter(DoubleSupplier j) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, maxRetryAfter, j);
  }

  public RetryPolicy withMaxRetryAfter(Duration d) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, d, jitter);
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration backoff(int retry) {
    double base = initialDelay.toMillis() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(base, maxDelay.toMillis());
    double j = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis(Math.round(capped / 2 + j * capped / 2));
  }

  /** Statuses worth another attempt. */
  public static boolean retryableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** Methods that may be sent twice with the same effect. */
  public static boolean idempotent(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }
}
