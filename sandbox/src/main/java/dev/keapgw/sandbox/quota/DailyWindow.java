package dev.keapgw.sandbox.quota;

/** Requests since the last 00:00 UTC, when Keap's daily quotas reset. */
final class DailyWindow implements Window {
  static final long DAY_MILLIS = 86_400_000L;
  private long day;
  private long count;

  DailyWindow(long now) {
    this.day = Math.floorDiv(now, DAY_MILLIS);
  }

  /** The next reset after {@code now}, in epoch milliseconds. */
  static long nextReset(long now) {
    return (Math.floorDiv(now, DAY_MILLIS) + 1) * DAY_MILLIS;
  }

  @Override
  public long used(long now) {
    roll(now);
    return count;
  }

  @Override
  public void add(long now) {
    roll(now);
    count++;
  }

  private void roll(long now) {
    long d = Math.floorDiv(now, DAY_MILLIS);
    if (d > day) {
      day = d;
      count = 0;
    }
  }
}
