package dev.keapgw.gateway.traffic;

import dev.keapgw.gateway.proxy.RequestRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The data plane's traffic over the last hour, in memory, for the console: per connection,
 * per account and for the whole gateway, requests per minute by status class, latencies (per
 * account and gateway-wide), the latest rate-limit and Keap quota figures, and the last 100
 * requests. This instance's traffic only.
 *
 * <p>Cheap on the data plane: each thread that finishes requests (an event loop) records into a
 * shard of its own under a lock only readers ever contend for; headers are read at most once a
 * second per subject. Bounded: at most {@link #MAX_CONNECTIONS} connections and
 * {@link #MAX_ACCOUNTS} accounts per shard (subjects idle for an hour make room; beyond that a
 * new subject is counted only in the totals above it), fixed arrays per subject.
 */
public final class TrafficRecorder implements RequestRecorder {
  static final int MAX_CONNECTIONS = 4096;
  static final int MAX_ACCOUNTS = 1024;
  private static final long HOUR_MILLIS = 3_600_000;

  private final LongSupplier clock;
  private final List<Shard> shards = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Shard> mine = ThreadLocal.withInitial(this::newShard);

  public TrafficRecorder() {
    this(System::currentTimeMillis);
  }

  /** With {@code clock} as the time reads look back from (epoch milliseconds; tests move it). */
  public TrafficRecorder(LongSupplier clock) {
    this.clock = clock;
  }

  private static final class Shard {
    final Series gateway = new Series(null, true);
    final RecentRing gatewayRecent = new RecentRing();
    final Map<String, Series> accounts = new HashMap<>();
    final Map<String, RecentRing> accountRecent = new HashMap<>();
    final Map<String, Series> connections = new HashMap<>();
  }

  @Override
  public void record(FinishedRequest r) {
    Shard s = mine.get();
    long millis = r.epochMillis();
    long minute = Math.floorDiv(millis, 60_000L);
    int cls = Series.statusClass(r.status());
    boolean limited = r.status() == 429 && !r.fromUpstream();
    int bucket = LatencyBuckets.index(r.durationMicros());
    String path = r.path() == null
        ? ""
        : r.path().length() > 200 ? r.path().substring(0, 200) + "\u2026" : r.path();
    RecentRequest recent = new RecentRequest(
        millis,
        r.method(),
        path,
        QueryNames.of(r.query()),
        r.status(),
        r.durationMicros(),
        r.requestId(),
        r.accountId(),
        r.connectionId());
    synchronized (s) {
      s.gateway.add(minute, cls, limited, bucket, millis);
      s.gatewayRecent.add(recent);
      if (r.fromUpstream()
          && millis - (s.gateway.quota == null ? 0 : s.gateway.quota.atMillis()) >= 1000) {
        KeapQuota q = KeapQuota.of(r.responseHeaders(), millis);
        s.gateway.quota = q == null ? s.gateway.quota : q;
      }
      if (r.accountId() != null) {
        Series a =
            subject(s.accounts, r.accountId(), MAX_ACCOUNTS, millis, () -> new Series(null, true));
        if (a != null) {
          a.add(minute, cls, limited, bucket, millis);
          if (a.rateLimit == null || millis - a.rateLimit.atMillis() >= 1000 || limited) {
            RateLimitSeen seen = RateLimitSeen.of(r.responseHeaders(), millis);
            a.rateLimit = seen == null ? a.rateLimit : seen;
          }
          RecentRing ring =
              subject(s.accountRecent, r.accountId(), MAX_ACCOUNTS, millis, RecentRing::new);
          if (ring != null) {
            ring.add(recent);
          }
        }
      }
      if (r.connectionId() != null && r.accountId() != null) {
        Series c = subject(
            s.connections,
            r.connectionId(),
            MAX_CONNECTIONS,
            millis,
            () -> new Series(r.accountId(), false));
        if (c != null) {
          c.add(minute, cls, limited, bucket, millis);
          if (r.fromUpstream() && (c.quota == null || millis - c.quota.atMillis() >= 1000)) {
            KeapQuota q = KeapQuota.of(r.responseHeaders(), millis);
            c.quota = q == null ? c.quota : q;
          }
        }
      }
    }
  }

  /** The subject's entry, made when missing and there is room (idle ones make room); null when full. */
  private static <T> T subject(
      Map<String, T> map, String key, int max, long millis, java.util.function.Supplier<T> make) {
    T found = map.get(key);
    if (found != null) {
      return found;
    }
    if (map.size() >= max) {
      map.values().removeIf(v -> millis - lastMillis(v) > HOUR_MILLIS);
      if (map.size() >= max) {
        return null;
      }
    }
    T made = make.get();
    map.put(key, made);
    return made;
  }

  private static long lastMillis(Object v) {
    return v instanceof Series s ? s.lastMillis : ((RecentRing) v).lastMillis;
  }

  /** One account's traffic: its connections only, never another account's. */
  public TrafficView account(String accountId) {
    return view(accountId);
  }

  /** The whole gateway's traffic (this instance), every account's connections. */
  public TrafficView gateway() {
    return view(null);
  }

  private TrafficView view(String accountId) {
    long endMinute = Math.floorDiv(clock.getAsLong(), 60_000L);
    long[][] total = new long[Series.CLASSES][Series.MINUTES];
    long[] latencies = new long[LatencyBuckets.COUNT];
    Map<String, long[][]> perConnection = new HashMap<>();
    Map<String, String> owners = new HashMap<>();
    Map<String, KeapQuota> tenantQuotas = new HashMap<>();
    List<RecentRequest> recent = new ArrayList<>();
    RateLimitSeen rate = null;
    KeapQuota shared = null;
    for (Shard s : shards) {
      synchronized (s) {
        Series subject = accountId == null ? s.gateway : s.accounts.get(accountId);
        if (subject != null) {
          subject.addTo(endMinute, total, latencies);
          rate = newer(rate, subject.rateLimit);
        }
        shared = newer(shared, s.gateway.quota);
        RecentRing ring = accountId == null ? s.gatewayRecent : s.accountRecent.get(accountId);
        if (ring != null) {
          ring.addTo(recent);
        }
        for (Map.Entry<String, Series> e : s.connections.entrySet()) {
          Series c = e.getValue();
          if (accountId != null && !accountId.equals(c.owner)) {
            continue;
          }
          c.addTo(
              endMinute,
              perConnection.computeIfAbsent(
                  e.getKey(), k -> new long[Series.CLASSES][Series.MINUTES]),
              null);
          owners.put(e.getKey(), c.owner);
          tenantQuotas.merge(
              e.getKey(), c.quota == null ? KeapQuota.NONE : c.quota, TrafficRecorder::newer);
        }
      }
    }
    List<TrafficView.ConnectionCounts> connections = new ArrayList<>();
    perConnection.forEach((id, counts) -> {
      KeapQuota q = tenantQuotas.get(id);
      connections.add(new TrafficView.ConnectionCounts(
          id, owners.get(id), counts(counts, null), q == KeapQuota.NONE ? null : q));
    });
    connections.removeIf(c -> c.counts().requests() == 0);
    connections.sort(
        Comparator.comparingLong((TrafficView.ConnectionCounts c) -> c.counts().requests())
            .reversed()
            .thenComparing(TrafficView.ConnectionCounts::connectionId));
    recent.sort(Comparator.comparingLong(RecentRequest::epochMillis).reversed());
    List<RecentRequest> last =
        List.copyOf(recent.subList(0, Math.min(RecentRing.SIZE, recent.size())));
    return new TrafficView(
        endMinute,
        counts(total, latencies),
        List.copyOf(connections),
        rate,
        shared == KeapQuota.NONE ? null : shared,
        last);
  }

  private static TrafficView.Counts counts(long[][] byClass, long[] latencies) {
    long requests = 0;
    long errors = 0;
    long limited = 0;
    for (int i = 0; i < Series.MINUTES; i++) {
      for (int c = 0; c < Series.LIMITED; c++) {
        requests += byClass[c][i];
      }
      errors += byClass[2][i] + byClass[3][i];
      limited += byClass[Series.LIMITED][i];
    }
    return new TrafficView.Counts(
        byClass,
        requests,
        errors,
        limited,
        latencies == null ? null : LatencyBuckets.percentileMillis(latencies, 0.5),
        latencies == null ? null : LatencyBuckets.percentileMillis(latencies, 0.99));
  }

  private static RateLimitSeen newer(RateLimitSeen a, RateLimitSeen b) {
    return a == null ? b : b == null || b.atMillis() <= a.atMillis() ? a : b;
  }

  private static KeapQuota newer(KeapQuota a, KeapQuota b) {
    return a == null ? b : b == null || b.atMillis() <= a.atMillis() ? a : b;
  }

  private Shard newShard() {
    Shard s = new Shard();
    shards.add(s);
    return s;
  }
}
