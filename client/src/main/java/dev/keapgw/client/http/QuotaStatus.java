package dev.keapgw.client.http;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * Keap's quota headers of one answer ({@code x-keap-product-quota-*} for the caller's daily
 * quota, {@code x-keap-product-throttle-*} for its per-minute throttle, and
 * {@code x-keap-tenant-throttle-*} for the Keap account's minute and day windows, joined by
 * {@code |}). A window Keap did not report (or reported blank, as on a 401) is null.
 *
 * @param productDaily the caller's (OAuth client's or key's) daily quota
 * @param productMinute the caller's per-minute throttle
 * @param tenantMinute the Keap account's per-minute window
 * @param tenantDaily the Keap account's daily window
 * @param tenantId the Keap account ({@code x-keap-tenant-id})
 */
public record QuotaStatus(
    Window productDaily,
    Window productMinute,
    Window tenantMinute,
    Window tenantDaily,
    String tenantId) {

  /**
   * One window's counts.
   *
   * @param limit requests allowed in the window
   * @param available requests left
   * @param used requests counted
   * @param resetsAt when the window ends, if Keap said so (the daily quota's {@code expiry-time})
   */
  public record Window(long limit, long available, long used, Instant resetsAt) {
    public boolean exhausted() {
      return available <= 0;
    }
  }

  private static final String QUOTA = "x-keap-product-quota-";
  private static final String THROTTLE = "x-keap-product-throttle-";
  private static final String TENANT = "x-keap-tenant-throttle-";

  /** The quota in these headers; empty when there are none with values (e.g. the gateway's own errors). */
  public static Optional<QuotaStatus> from(HttpHeaders h) {
    Window day = window(h, QUOTA, 0);
    Window minute = window(h, THROTTLE, 0);
    int minuteAt = position(h.firstValue(TENANT + "time-unit").orElse(""), "minute", 0);
    int dayAt = position(h.firstValue(TENANT + "time-unit").orElse(""), "day", 1);
    Window tMinute = window(h, TENANT, minuteAt);
    Window tDay = window(h, TENANT, dayAt);
    String tenant = h.firstValue("x-keap-tenant-id").filter(s -> !s.isBlank()).orElse(null);
    if (day == null && minute == null && tMinute == null && tDay == null) {
      return Optional.empty();
    }
    return Optional.of(new QuotaStatus(day, minute, tMinute, tDay, tenant));
  }

  /** A daily window (the caller's or the account's) has nothing left: retrying today is pointless. */
  public boolean dailyExhausted() {
    return (productDaily != null && productDaily.exhausted())
        || (tenantDaily != null && tenantDaily.exhausted());
  }

  /** When the caller's daily quota resets, if Keap said. */
  public Optional<Instant> dailyResetAt() {
    return Optional.ofNullable(productDaily).map(Window::resetsAt);
  }

  private static Window window(HttpHeaders h, String prefix, int index) {
    Long limit = part(h, prefix + "limit", index);
    Long available = part(h, prefix + "available", index);
    if (limit == null || available == null) {
      return null;
    }
    Long used = part(h, prefix + "used", index);
    Long expiry = part(h, prefix + "expiry-time", index);
    return new Window(
        limit,
        available,
        used == null ? limit - available : used,
        expiry == null || expiry <= 0 ? null : Instant.ofEpochMilli(expiry));
  }

  private static Long part(HttpHeaders h, String name, int index) {
    String v = h.firstValue(name).orElse("");
    String[] parts = v.split("\\|", -1);
    if (index >= parts.length) {
      return null;
    }
    try {
      return Long.parseLong(parts[index].trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int position(String units, String unit, int fallback) {
    String[] parts = units.split("\\|");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].trim().equalsIgnoreCase(unit)) {
        return i;
      }
    }
    return fallback;
  }
}
