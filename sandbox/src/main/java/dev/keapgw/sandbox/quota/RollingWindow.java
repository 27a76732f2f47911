package dev.keapgw.sandbox.quota;

import java.util.Arrays;

/**
 * A window that rolls in steps of one slot: it holds the requests of the current slot and the
 * slots before it, {@code slots * slotMillis} in all. A minute kept as sixty one-second slots
 * lets a request fall out of the window up to one second early, which is as close to Apigee's
 * rolling minute as a client can tell, and keeps each request O(1).
 */
final class RollingWindow implements Window {
  private final long slotMillis;
  private final int[] slots;
  private long newestSlot;
  private long total;

  RollingWindow(long slotMillis, int slotCount, long now) {
    this.slotMillis = slotMillis;
    this.slots = new int[slotCount];
    this.newestSlot = Math.floorDiv(now, slotMillis);
  }

  /** One rolling second in tenths: the spike limit. */
  static RollingWindow second(long now) {
    return new RollingWindow(100, 10, now);
  }

  /** One rolling minute in seconds: the throttle. */
  static RollingWindow minute(long now) {
    return new RollingWindow(1000, 60, now);
  }

  @Override
  public long used(long now) {
    roll(now);
    return total;
  }

  @Override
  public void add(long now) {
    roll(now);
    slots[(int) Math.floorMod(newestSlot, (long) slots.length)]++;
    total++;
  }

  private void roll(long now) {
    long slot = Math.floorDiv(now, slotMillis);
    if (slot <= newestSlot) {
      return;
    }
    if (slot - newestSlot >= slots.length) {
      Arrays.fill(slots, 0);
      total = 0;
    } else {
      for (long s = newestSlot + 1; s <= slot; s++) {
        int i = (int) Math.floorMod(s, (long) slots.length);
        total -= slots[i];
        slots[i] = 0;
      }
    }
    newestSlot = slot;
  }
}
