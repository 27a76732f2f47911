package dev.keapgw.sandbox.quota;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code x-keap-*} headers Keap puts on every CRM answer: the caller's daily quota and
 * per-minute throttle, its spike limit, the tenant, and the tenant's two windows joined by
 * {@code |} (minute first, then day).
 */
final class QuotaHeaders {
  private static final String QUOTA = "x-keap-product-quota-";
  private static final String THROTTLE = "x-keap-product-throttle-";
  private static final String TENANT = "x-keap-tenant-throttle-";

  /** Every name with a blank value, for answers that reach no quota (a 401). */
  static final Map<String, String> BLANK = blank();

  private QuotaHeaders() {}

  /** Headers from counts taken (after this request, if it was counted) in one locked step. */
  static Map<String, String> of(
      Bucket own, long[] ownUsed, Bucket tenant, long[] tenantUsed, long resetAt) {
    int day = own.limit(KeapQuotas.DAY);
    int minute = own.limit(KeapQuotas.MINUTE);
    long dayUsed = ownUsed[KeapQuotas.DAY];
    long minuteUsed = ownUsed[KeapQuotas.MINUTE];
    int tMinute = tenant.limit(KeapQuotas.TENANT_MINUTE);
    int tDay = tenant.limit(KeapQuotas.TENANT_DAY);
    long tMinuteUsed = tenantUsed[KeapQuotas.TENANT_MINUTE];
    long tDayUsed = tenantUsed[KeapQuotas.TENANT_DAY];
    Map<String, String> h = new LinkedHashMap<>(32);
    h.put(QUOTA + "limit", Integer.toString(day));
    h.put(QUOTA + "time-unit", "day");
    h.put(QUOTA + "interval", "1");
    h.put(QUOTA + "available", Long.toString(left(day, dayUsed)));
    h.put(QUOTA + "used", Long.toString(dayUsed));
    h.put(QUOTA + "expiry-time", Long.toString(resetAt));
    h.put(THROTTLE + "limit", Integer.toString(minute));
    h.put(THROTTLE + "time-unit", "minute");
    h.put(THROTTLE + "interval", "1");
    h.put(THROTTLE + "available", Long.toString(left(minute, minuteUsed)));
    h.put(THROTTLE + "used", Long.toString(minuteUsed));
    h.put("x-keap-product-spike-limit", own.limit(KeapQuotas.SPIKE) + "ps");
    h.put("x-keap-tenant-id", tenant.id());
    h.put(TENANT + "limit", tMinute + "|" + tDay);
    h.put(TENANT + "time-unit", "minute|day");
    h.put(TENANT + "interval", "1|1");
    h.put(TENANT + "available", left(tMinute, tMinuteUsed) + "|" + left(tDay, tDayUsed));
    h.put(TENANT + "used", tMinuteUsed + "|" + tDayUsed);
    return h;
  }

  private static long left(int limit, long used) {
    return Math.max(0, limit - used);
  }

  private static Map<String, String> blank() {
    Bucket none = new Bucket("", new Window[0], new int[3]);
    Map<String, String> m = new LinkedHashMap<>(of(none, new long[3], none, new long[3], 0));
    m.replaceAll((k, v) -> "");
    return Collections.unmodifiableMap(m);
  }
}
