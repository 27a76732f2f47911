package dev.keapgw.sandbox.quota;

/**
 * Requests counted over a span of time. Not thread-safe: the {@link Bucket} that owns a window
 * guards it. Times are epoch milliseconds from the sandbox's clock; a clock that steps back
 * counts into the newest slot instead of reviving old ones.
 */
interface Window {
  /** How many requests the window holds at {@code now}. */
  long used(long now);

  /** Counts one request at {@code now}. */
  void add(long now);
}
