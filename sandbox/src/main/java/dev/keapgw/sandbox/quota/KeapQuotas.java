package dev.keapgw.sandbox.quota;

import dev.keapgw.sandbox.SandboxConfig.QuotaLimits;
import dev.keapgw.sandbox.http.Caller;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keap's quotas as its gateway applies them. Each request is counted in two buckets: its
 * caller's (an OAuth client across every tenant it serves, or one personal access / service
 * account key), with a one-second spike window, a rolling minute and a UTC day; and its
 * tenant's, shared by every caller, with a rolling minute and a UTC day. A request that would
 * overflow any window is refused with 429 and counted nowhere. With enforcement off, requests
 * are counted and reported but never refused.
 *
 * <p>Thread-safe: a request locks its caller's bucket, then its tenant's (always in that
 * order), for a few array updates.
 */
public final class KeapQuotas implements QuotaCheck {
  static final int SPIKE = 0;
  static final int MINUTE = 1;
  static final int DAY = 2;
  static final int TENANT_MINUTE = 0;
  static final int TENANT_DAY = 1;

  private final QuotaLimits limits;
  private final Clock clock;
  private final Function<String, String> tenantName;
  private final Map<String, Bucket> oauthClients = new ConcurrentHashMap<>();
  private final Map<String, Bucket> apiKeys = new ConcurrentHashMap<>();
  private final Map<String, Bucket> tenants = new ConcurrentHashMap<>();

  /**
   * @param tenantName a tenant id to the application name sent as {@code x-keap-tenant-id}
   */
  public KeapQuotas(QuotaLimits limits, Clock clock, Function<String, String> tenantName) {
    this.limits = limits;
    this.clock = clock;
    this.tenantName = tenantName;
  }

  @Override
  public QuotaDecision consume(Caller caller) {
    long now = clock.millis();
    Bucket own = callerBucket(caller, now);
    Bucket tenant = tenantBucket(caller.tenantId(), now);
    long[] ownUsed;
    long[] tenantUsed;
    Bucket full;
    synchronized (own) {
      synchronized (tenant) {
        ownUsed = own.used(now);
        tenantUsed = tenant.used(now);
        full = !own.fits(ownUsed) ? own : !tenant.fits(tenantUsed) ? tenant : null;
        if (full == null || !limits.enforced()) {
          own.add(now, ownUsed);
          tenant.add(now, tenantUsed);
        }
      }
    }
    Map<String, String> headers =
        QuotaHeaders.of(own, ownUsed, tenant, tenantUsed, DailyWindow.nextReset(now));
    if (full == null || !limits.enforced()) {
      return QuotaDecision.allow(headers);
    }
    return new QuotaDecision(false, headers, QuotaRejections.of(limits.rejectionBody(), full.id()));
  }

  @Override
  public Map<String, String> blankHeaders() {
    return QuotaHeaders.BLANK;
  }

  private Bucket callerBucket(Caller caller, long now) {
    boolean oauth = caller.kind() == Caller.Kind.OAUTH;
    Map<String, Bucket> map = oauth ? oauthClients : apiKeys;
    Bucket b = map.get(caller.clientId());
    if (b != null) {
      return b;
    }
    int[] max = oauth
        ? new int[] {limits.spikePerSecond(), limits.clientPerMinute(), limits.clientPerDay()}
        : new int[] {limits.apiKeyPerSecond(), limits.apiKeyPerMinute(), limits.apiKeyPerDay()};
    return map.computeIfAbsent(
        caller.clientId(),
        id -> new Bucket(
            id,
            new Window[] {RollingWindow.second(now), RollingWindow.minute(now), new DailyWindow(now)
            },
            max));
  }

  private Bucket tenantBucket(String tenantId, long now) {
    Bucket b = tenants.get(tenantId);
    if (b != null) {
      return b;
    }
    return tenants.computeIfAbsent(
        tenantId,
        id -> new Bucket(
            tenantName.apply(id),
            new Window[] {RollingWindow.minute(now), new DailyWindow(now)},
            new int[] {limits.tenantPerMinute(), limits.tenantPerDay()}));
  }
}
