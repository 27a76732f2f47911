package dev.keapgw.gateway.traffic;

import io.vertx.core.MultiMap;

/**
 * Keap's quota figures from the {@code x-keap-*} headers of one answer: the OAuth client's
 * per-minute throttle and daily quota (shared by every connection of the gateway's client),
 * and the tenant's throttle ({@code minute|day}, as Keap writes them).
 *
 * @param atMillis when the answer carrying them was seen
 */
public record KeapQuota(
    Long minuteUsed,
    Long minuteLimit,
    Long dayUsed,
    Long dayLimit,
    String tenantUsed,
    String tenantLimit,
    long atMillis) {
  /** Stands for "none seen" where a map cannot hold null. */
  static final KeapQuota NONE = new KeapQuota(null, null, null, null, null, null, Long.MIN_VALUE);

  /** The figures in these headers, or null when the answer has none (not from Keap, or a 401). */
  static KeapQuota of(MultiMap h, long atMillis) {
    Long minuteLimit = number(h.get("x-keap-product-throttle-limit"));
    Long dayLimit = number(h.get("x-keap-product-quota-limit"));
    if (minuteLimit == null && dayLimit == null) {
      return null;
    }
    return new KeapQuota(
        number(h.get("x-keap-product-throttle-used")),
        minuteLimit,
        number(h.get("x-keap-product-quota-used")),
        dayLimit,
        text(h.get("x-keap-tenant-throttle-used")),
        text(h.get("x-keap-tenant-throttle-limit")),
        atMillis);
  }

  private static Long number(String s) {
    if (s == null || s.isEmpty() || s.length() > 18) {
      return null;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Keap's "minute|day" pairs: digits and one bar only, so nothing else from upstream is kept. */
  private static String text(String s) {
    return s != null && !s.isEmpty() && s.length() <= 41 && s.matches("[0-9]+(\\|[0-9]+)?")
        ? s
        : null;
  }
}
