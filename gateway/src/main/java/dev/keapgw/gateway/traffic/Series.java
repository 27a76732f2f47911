package dev.keapgw.gateway.traffic;

import java.util.Arrays;

/**
 * One thread's counts for one subject (a connection, an account, the whole gateway) over the
 * last hour, in one-minute slots reused as the hour moves on: requests by status class and,
 * when asked for, their latencies. Not thread-safe: its shard's lock guards it.
 */
final class Series {
  static final int MINUTES = 60;
  /** 2xx (and 1xx), 3xx, 4xx, 5xx, and the 429s of the gateway's own rate limits (also in 4xx). */
  static final int CLASSES = 5;

  static final int LIMITED = 4;

  /** The account a connection's series belongs to (null for the others). */
  final String owner;

  private final int[] counts = new int[MINUTES * CLASSES];
  private final int[] latency;
  private final long[] minuteOf = new long[MINUTES];
  long lastMillis;
  /** The latest figures seen on an answer (sampled at most once a second), or null. */
  KeapQuota quota;

  RateLimitSeen rateLimit;

  Series(String owner, boolean withLatency) {
    this.owner = owner;
    this.latency = withLatency ? new int[MINUTES * LatencyBuckets.COUNT] : null;
    Arrays.fill(minuteOf, -1);
  }

  static int statusClass(int status) {
    if (status >= 300 && status < 400) {
      return 1;
    }
    if (status >= 400 && status < 500) {
      return 2;
    }
    return status >= 500 ? 3 : 0;
  }

  void add(long minute, int statusClass, boolean limited, int latencyBucket, long millis) {
    int slot = slot(minute);
    counts[slot * CLASSES + statusClass]++;
    if (limited) {
      counts[slot * CLASSES + LIMITED]++;
    }
    if (latency != null) {
      latency[slot * LatencyBuckets.COUNT + latencyBucket]++;
    }
    lastMillis = millis;
  }

  private int slot(long minute) {
    int slot = (int) Math.floorMod(minute, (long) MINUTES);
    if (minuteOf[slot] != minute) {
      minuteOf[slot] = minute;
      Arrays.fill(counts, slot * CLASSES, (slot + 1) * CLASSES, 0);
      if (latency != null) {
        Arrays.fill(latency, slot * LatencyBuckets.COUNT, (slot + 1) * LatencyBuckets.COUNT, 0);
      }
    }
    return slot;
  }

  /**
   * Adds this series' hour ending with {@code endMinute} to {@code byClass} ([class][minute],
   * minute 0 the oldest) and its latencies to {@code latencies} (may be null).
   */
  void addTo(long endMinute, long[][] byClass, long[] latencies) {
    for (int i = 0; i < MINUTES; i++) {
      long minute = endMinute - (MINUTES - 1) + i;
      int slot = (int) Math.floorMod(minute, (long) MINUTES);
      if (minuteOf[slot] != minute) {
        continue;
      }
      for (int c = 0; c < CLASSES; c++) {
        byClass[c][i] += counts[slot * CLASSES + c];
      }
      if (latencies != null && latency != null) {
        for (int b = 0; b < LatencyBuckets.COUNT; b++) {
          latencies[b] += latency[slot * LatencyBuckets.COUNT + b];
        }
      }
    }
  }
}
