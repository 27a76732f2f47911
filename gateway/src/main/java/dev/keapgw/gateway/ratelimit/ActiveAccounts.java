package dev.keapgw.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts that used the upstream budget lately (within {@link #WINDOW}), on the gateway's
 * clock: how many share it now. The count is refreshed at most every {@link #RECOUNT}, so a
 * request costs a map write, not a walk over every account.
 */
final class ActiveAccounts {
  /** How long an account counts as active after its last request. */
  static final Duration WINDOW = Duration.ofSeconds(5);

  private static final long RECOUNT_MILLIS = 200;

  private final Clock clock;
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
  private volatile int count = 1;
  private volatile long countedAt = Long.MIN_VALUE;

  ActiveAccounts(Clock clock) {
    this.clock = clock;
  }

  /** Notes a request of {@code accountId} now; the number of active accounts, this one included. */
  int touch(String accountId) {
    long now = clock.millis();
    Long before = lastSeen.put(accountId, now);
    boolean newcomer = before == null || before < now - WINDOW.toMillis();
    if (newcomer || now - countedAt >= RECOUNT_MILLIS || now < countedAt) {
      recount(now);
    }
    return count;
  }

  private synchronized void recount(long now) {
    long since = now - WINDOW.toMillis();
    lastSeen.values().removeIf(t -> t < since);
    count = Math.max(1, lastSeen.size());
    countedAt = now;
  }
}
