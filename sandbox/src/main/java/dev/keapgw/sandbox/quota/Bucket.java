package dev.keapgw.sandbox.quota;

/**
 * The windows one party is counted in (an OAuth client, a personal key, a tenant), each with
 * its limit. Callers hold the bucket's monitor around {@link #used} and {@link #add} so that
 * a check and the count that follows it are one step.
 */
final class Bucket {
  private final String id;
  private final Window[] windows;
  private final int[] limits;

  Bucket(String id, Window[] windows, int[] limits) {
    this.id = id;
    this.windows = windows;
    this.limits = limits;
  }

  /** Who the bucket counts: the client id, key id or tenant id (named in Apigee's 429). */
  String id() {
    return id;
  }

  int limit(int window) {
    return limits[window];
  }

  /** The count in each window at {@code now}, in the order the windows were given. */
  long[] used(long now) {
    long[] used = new long[windows.length];
    for (int i = 0; i < windows.length; i++) {
      used[i] = windows[i].used(now);
    }
    return used;
  }

  /** Whether one more request fits every window, given counts from {@link #used}. */
  boolean fits(long[] used) {
    for (int i = 0; i < used.length; i++) {
      if (used[i] >= limits[i]) {
        return false;
      }
    }
    return true;
  }

  /** Counts one request in every window, and in {@code used} to match. */
  void add(long now, long[] used) {
    for (int i = 0; i < windows.length; i++) {
      windows[i].add(now);
      used[i]++;
    }
  }
}
