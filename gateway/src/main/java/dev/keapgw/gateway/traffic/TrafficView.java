package dev.keapgw.gateway.traffic;

import java.util.List;

/**
 * What the console shows of one account's traffic, or of the whole gateway's, over the hour
 * ending with {@code endMinute} (minutes since the epoch).
 *
 * @param total every request of the subject
 * @param connections each connection's share, busiest first
 * @param rateLimit the account's limit as last seen (null for the gateway, or before any request)
 * @param keapQuota Keap's quota figures as last seen on an answer (null before any)
 * @param recent the last requests, newest first, at most {@link RecentRing#SIZE}
 */
public record TrafficView(
    long endMinute,
    Counts total,
    List<ConnectionCounts> connections,
    RateLimitSeen rateLimit,
    KeapQuota keapQuota,
    List<RecentRequest> recent) {

  /**
   * Requests per minute by status class ({@code byClass[class][minute]}, minute 0 the oldest;
   * classes 2xx, 3xx, 4xx, 5xx and the gateway's own 429s), with totals and latency percentiles
   * in milliseconds (null when not measured or nothing was counted).
   */
  public record Counts(
      long[][] byClass,
      long requests,
      long errors,
      long limited,
      Double p50Millis,
      Double p99Millis) {}

  public record ConnectionCounts(
      String connectionId, String accountId, Counts counts, KeapQuota tenantQuota) {}
}
