package dev.keapgw.gateway.token;

import dev.keapgw.gateway.store.Times;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The last failed refresh of each connection, why and when (columns {@code last_refresh_error*}):
 * written by {@link TokenRefresher} with the outcome it commits, kept after a later success so
 * that the token's health can say what went wrong last.
 */
public final class RefreshFailures {
  /** A failed refresh: the reason in words a person can act on, and when it happened. */
  public record Last(String reason, Instant at) {}

  private RefreshFailures() {}

  static void record(Handle h, String connectionId, String reason, Instant now) {
    h.createUpdate(
            "UPDATE connections SET last_refresh_error = :r, last_refresh_error_at = :t WHERE id = :id")
        .bind("r", reason.length() > 500 ? reason.substring(0, 500) + "..." : reason)
        .bind("t", Times.micros(now))
        .bind("id", connectionId)
        .execute();
  }

  /** The connections of one account (every account's when {@code accountId} is null) that ever failed a refresh. */
  public static Map<String, Last> of(Jdbi jdbi, String accountId) {
    return jdbi.withHandle(h -> {
      Map<String, Last> out = new HashMap<>();
      var query =
          h.createQuery("SELECT id, last_refresh_error, last_refresh_error_at FROM connections"
              + " WHERE last_refresh_error IS NOT NULL"
              + (accountId == null ? "" : " AND account_id = :a"));
      if (accountId != null) {
        query.bind("a", accountId);
      }
      query
          .map((rs, ctx) -> Map.entry(
              rs.getString("id"),
              new Last(
                  rs.getString("last_refresh_error"),
                  Times.instant(rs.getObject("last_refresh_error_at", Long.class)))))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    });
  }
}
