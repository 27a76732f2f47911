package dev.keapgw.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests one upstream OAuth client may make, shared by every account and tenant behind
 * it, sized so that together they never reach Keap's own throttle: its spike limit (25 in any
 * rolling second per client) and its quota (1500 per rolling minute).
 *
 * <p>Two limits of one bucket hold the client to {@code spikePerSecond} in any second and
 * {@code perMinute} in any minute, as sent: a bucket of size {@code c} refilled at {@code r}
 * per unit admits at most {@code c + r} in any window of that unit, so the spike limit is a
 * bucket of {@link #SPIKE_BURST} refilled at {@code spikePerSecond - SPIKE_BURST} a second (a
 * smooth pace, as Keap's own spike arrest expects), the minute a bucket of
 * {@code spikePerSecond} refilled at {@code perMinute - spikePerSecond} a minute. The default
 * spike allowance (20) stays below Keap's 25 so that network jitter bunching requests on their
 * way cannot make 25 of them land in one of Keap's seconds.
 *
 * <p>Accounts share it fairly: while more than one account has used the budget within
 * {@link ActiveAccounts#WINDOW}, each may take at most its share of the pace (the refill divided
 * by the number of active accounts), so one account's burst cannot starve another. A request
 * the budget cannot take now waits for it, at most {@link #MAX_WAIT} in all, before it is
 * refused: bursts are smoothed rather than refused.
 *
 * <p>With a shared {@link BucketStore} (Redis) the budget and the shares hold for the whole
 * cluster; the number of active accounts is what this instance has seen.
 */
public final class UpstreamBudget {
  /** Requests the spike limit lets pass at once; the rest of the second's allowance comes at an even pace. */
  static final int SPIKE_BURST = 2;
  /** The longest a request waits for the budget (or its account's share) before it is refused. */
  static final Duration MAX_WAIT = Duration.ofSeconds(2);

  private static final Verdict ALLOWED = new Verdict(true, 0, Long.MAX_VALUE, 0, 0);
  private static final Future<Verdict> UNLIMITED = Future.succeededFuture(ALLOWED);
  private static final Future<Outcome> UNLIMITED_OUTCOME =
      Future.succeededFuture(new Outcome(ALLOWED, Refusal.NONE, 1));

  /** What refused a request: the budget as a whole, or the account's share of it. */
  public enum Refusal {
    NONE,
    BUDGET,
    SHARE
  }

  /** The outcome of {@link #acquire}: the verdict, and what refused when it did. */
  public record Outcome(Verdict verdict, Refusal refusal, int activeAccounts) {
    public boolean allowed() {
      return verdict.allowed();
    }
  }

  private final Vertx vertx;
  private final BucketStore buckets;
  private final int perMinute;
  private final int spikePerSecond;
  /** The spike window's bucket: what may go at once, the rest of the second's pace refilled. */
  private final int burst;

  private final BucketConfiguration config;
  /** An account's share while n accounts are active, by n: made once each (this runs per request). */
  private final Map<Integer, BucketConfiguration> shares = new ConcurrentHashMap<>();

  private final ActiveAccounts active;

  /**
   * @param perMinute requests per minute per client; 0 for no budget
   * @param spikePerSecond requests in any one second per client
   */
  public UpstreamBudget(
      Vertx vertx, int perMinute, int spikePerSecond, BucketStore buckets, Clock clock) {
    this.vertx = vertx;
    this.buckets = buckets;
    this.perMinute = perMinute;
    this.spikePerSecond = Math.max(1, spikePerSecond);
    this.burst = Math.min(SPIKE_BURST, this.spikePerSecond);
    this.config = perMinute <= 0
        ? null
        : BucketConfiguration.builder()
            .addLimit(l -> l.capacity(burst)
                .refillGreedy(Math.max(1, this.spikePerSecond - burst), Duration.ofSeconds(1)))
            .addLimit(l -> l.capacity(Math.min(perMinute, this.spikePerSecond))
                .refillGreedy(Math.max(1, perMinute - this.spikePerSecond), Duration.ofMinutes(1)))
            .build();
    this.active = new ActiveAccounts(clock);
  }

  public boolean enabled() {
    return perMinute > 0;
  }

  /** The most requests the budget lets through in any second. */
  public int perSecond() {
    return spikePerSecond;
  }

  public int perMinute() {
    return perMinute;
  }

  /**
   * Takes one request of {@code accountId} from the budget of the client {@code clientKey},
   * waiting (on timers, never blocking) up to {@link #MAX_WAIT} for it or for the account's
   * share; completes on the caller's context.
   */
  public Future<Outcome> acquire(String clientKey, String accountId) {
    if (!enabled()) {
      return UNLIMITED_OUTCOME;
    }
    Promise<Outcome> done = Promise.promise();
    attempt(clientKey, accountId, MAX_WAIT.toNanos(), done);
    return done.future();
  }

  private void attempt(String clientKey, String accountId, long waitLeft, Promise<Outcome> done) {
    int n = active.touch(accountId);
    Future<Verdict> share = n < 2
        ? UNLIMITED
        : buckets
            .tryConsume(shareKey(clientKey, accountId, n), shareConfig(n))
            .map(p -> Verdict.of(p, shareRate(n)));
    share
        .compose(s -> {
          if (!s.allowed()) {
            return Future.succeededFuture(new Outcome(s, Refusal.SHARE, n));
          }
          return buckets
              .tryConsume("budget:" + clientKey + ":" + perMinute + ":" + spikePerSecond, config)
              .map(p -> {
                Verdict v = Verdict.of(p, spikePerSecond);
                return new Outcome(v, v.allowed() ? Refusal.NONE : Refusal.BUDGET, n);
              });
        })
        .onComplete(ar -> {
          if (ar.failed()) {
            done.fail(ar.cause());
            return;
          }
          Outcome o = ar.result();
          long wait = Math.max(1_000_000L, o.verdict().waitNanos());
          if (o.allowed() || wait > waitLeft) {
            done.complete(o);
            return;
          }
          vertx.setTimer(
              Math.max(1, wait / 1_000_000L),
              id -> attempt(clientKey, accountId, waitLeft - wait, done));
        });
  }

  /** An account's share of the pace while {@code n} accounts are active: at least one a second. */
  private int shareRate(int n) {
    return Math.max(1, (spikePerSecond - burst) / n);
  }

  private BucketConfiguration shareConfig(int n) {
    return shares.computeIfAbsent(n, k -> {
      int rate = shareRate(k);
      return BucketConfiguration.builder()
          .addLimit(l -> l.capacity(1).refillGreedy(rate, Duration.ofSeconds(1)))
          .build();
    });
  }

  private String shareKey(String clientKey, String accountId, int n) {
    return "budget-share:" + clientKey + ":" + spikePerSecond + ":" + n + ":" + accountId;
  }
}
