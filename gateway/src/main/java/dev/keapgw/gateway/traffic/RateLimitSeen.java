package dev.keapgw.gateway.traffic;

import io.vertx.core.MultiMap;

/**
 * The account's rate limit as the gateway's {@code X-RateLimit-*} headers told it on one answer.
 *
 * @param limit the most requests that pass at once (the account's rate per second plus the burst)
 * @param remaining what was left in the bucket right after that request (burst included)
 */
public record RateLimitSeen(long limit, long remaining, long atMillis) {
  static RateLimitSeen of(MultiMap h, long atMillis) {
    String limit = h.get("X-RateLimit-Limit");
    String remaining = h.get("X-RateLimit-Remaining");
    if (limit == null || remaining == null) {
      return null;
    }
    try {
      return new RateLimitSeen(Long.parseLong(limit), Long.parseLong(remaining), atMillis);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
