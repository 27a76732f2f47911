package dev.keapgw.gateway.token;

import dev.keapgw.gateway.store.Times;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records a refresh in flight in the connection's row, committed before the refresh token is
 * sent upstream and cleared in the same transaction as the outcome. A record that is still
 * there when the lock is next taken means the instance that started the refresh died (or lost
 * the store) after spending the refresh token and before committing its successor.
 */
final class RefreshJournal {
  /** An unfinished refresh of the tokens of {@code version}, started at {@code startedAt}. */
  record Started(Instant startedAt, long version) {}

  private final Jdbi jdbi;

  RefreshJournal(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Commits that the refresh token of {@code version} is about to be spent. */
  void begin(String connectionId, long version, Instant now) {
    jdbi.useHandle(h -> h.createUpdate(
            "UPDATE connections SET refresh_started_at = :t, refresh_spent_version = :v"
                + " WHERE id = :id")
        .bind("t", Times.micros(now))
        .bind("v", version)
        .bind("id", connectionId)
        .execute());
  }

  /** Clears the record, inside the transaction that commits the refresh's outcome. */
  static void finish(Handle h, String connectionId) {
    h.createUpdate(
            "UPDATE connections SET refresh_started_at = NULL, refresh_spent_version = NULL WHERE id = :id")
        .bind("id", connectionId)
        .execute();
  }

  /** An unfinished refresh of the tokens the connection holds now ({@code version}), if any. */
  Optional<Started> unfinished(String connectionId, long version) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT refresh_started_at, refresh_spent_version FROM connections"
                + " WHERE id = :id AND refresh_started_at IS NOT NULL AND refresh_spent_version = :v")
        .bind("id", connectionId)
        .bind("v", version)
        .map((rs, ctx) -> new Started(
            Times.instant(rs.getLong("refresh_started_at")), rs.getLong("refresh_spent_version")))
        .findOne());
  }
}
