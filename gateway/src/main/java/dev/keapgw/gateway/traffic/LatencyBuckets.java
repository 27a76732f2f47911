package dev.keapgw.gateway.traffic;

/**
 * Fixed latency buckets (upper bounds in microseconds, roughly logarithmic from 0.25 ms to
 * 60 s, then one open bucket): a request is counted in the first bucket its duration fits.
 * Percentiles read from them are a bucket's upper bound, so they are never optimistic.
 */
final class LatencyBuckets {
  static final long[] UPPER_MICROS = {
    250,
    500,
    1_000,
    2_000,
    3_000,
    5_000,
    7_500,
    10_000,
    15_000,
    20_000,
    30_000,
    50_000,
    75_000,
    100_000,
    150_000,
    250_000,
    500_000,
    1_000_000,
    2_500_000,
    5_000_000,
    10_000_000,
    30_000_000,
    60_000_000,
    Long.MAX_VALUE
  };
  static final int COUNT = UPPER_MICROS.length;

  private LatencyBuckets() {}

  static int index(long micros) {
    int i = 0;
    while (micros > UPPER_MICROS[i]) {
      i++;
    }
    return i;
  }

  /**
   * The duration in milliseconds below which {@code fraction} of the counted requests fall (the
   * bucket's upper bound; the open bucket answers its lower bound); null when nothing was counted.
   */
  static Double percentileMillis(long[] counts, double fraction) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        long bound = i == COUNT - 1 ? UPPER_MICROS[COUNT - 2] : UPPER_MICROS[i];
        return bound / 1000.0;
      }
    }
    return UPPER_MICROS[COUNT - 2] / 1000.0;
  }
}
