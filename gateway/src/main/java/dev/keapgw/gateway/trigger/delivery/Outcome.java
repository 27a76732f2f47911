package dev.keapgw.gateway.trigger.delivery;

import java.time.Duration;

/**
 * How one attempt ended.
 *
 * @param status the destination's HTTP status, or null when none came (refused, unreachable, timed out)
 * @param duration from sending to the answer (or the failure)
 * @param error what went wrong, for {@code last_error_message}; null on success
 * @param retryAfter the destination's {@code Retry-After}, or null
 */
public record Outcome(Integer status, Duration duration, String error, Duration retryAfter) {
  public boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }

  public boolean gone() {
    return status != null && status == 410;
  }
}
