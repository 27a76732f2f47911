package dev.keapgw.gateway.connection;

import dev.keapgw.gateway.store.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code oauth_states} table: the OAuth states handed to upstreams, each usable once before it expires. */
public final class OAuthStateRepository {
  private final Jdbi jdbi;

  public OAuthStateRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records an OAuth state handed to the upstream (single use, expiring), and forgets all but
   * the newest {@code keep - 1} earlier states of the same connection, so that the table holds
   * at most {@code keep} per connection however often its link is opened.
   */
  public void insertState(String stateHash, String connectionId, Instant expiresAt, int keep) {
    jdbi.useTransaction(h -> {
      List<String> older = h.createQuery(
              "SELECT state_hash FROM oauth_states WHERE connection_id = :c"
                  + " ORDER BY expires_at DESC")
          .bind("c", connectionId)
          .mapTo(String.class)
          .list();
      if (older.size() >= keep) {
        h.createUpdate("DELETE FROM oauth_states WHERE state_hash IN (<hashes>)")
            .bindList("hashes", older.subList(keep - 1, older.size()))
            .execute();
      }
      h.createUpdate(
              "INSERT INTO oauth_states (state_hash, connection_id, expires_at) VALUES (:s, :c, :x)")
          .bind("s", stateHash)
          .bind("c", connectionId)
          .bind("x", Times.micros(expiresAt))
          .execute();
    });
  }

  /** How many OAuth states are recorded (for tests and metrics). */
  public int stateCount() {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM oauth_states").mapTo(Integer.class).one());
  }

  /** Forgets OAuth states that expired before {@code t} (used or not): they can never be used again. */
  public int deleteStatesExpiredBefore(Instant t) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM oauth_states WHERE expires_at < :t")
        .bind("t", Times.micros(t))
        .execute());
  }

  /** Uses up a state: the connection id for exactly one caller while it is unexpired. */
  public Optional<String> consumeState(String stateHash, Instant now) {
    return jdbi.inTransaction(h -> {
      int n = h.createUpdate("UPDATE oauth_states SET used_at = :now WHERE state_hash = :s"
              + " AND used_at IS NULL AND expires_at > :now")
          .bind("s", stateHash)
          .bind("now", Times.micros(now))
          .execute();
      if (n != 1) {
        return Optional.<String>empty();
      }
      return h.createQuery("SELECT connection_id FROM oauth_states WHERE state_hash = :s")
          .bind("s", stateHash)
          .mapTo(String.class)
          .findOne();
    });
  }
}
