package dev.keapgw.gateway.traffic;

import java.util.List;

/** The last {@link #SIZE} requests of one subject on one thread, oldest overwritten first. */
final class RecentRing {
  static final int SIZE = 100;
  private final RecentRequest[] items = new RecentRequest[SIZE];
  private int next;
  long lastMillis;

  void add(RecentRequest r) {
    items[next] = r;
    next = (next + 1) % SIZE;
    lastMillis = r.epochMillis();
  }

  void addTo(List<RecentRequest> out) {
    for (RecentRequest r : items) {
      if (r != null) {
        out.add(r);
      }
    }
  }
}
