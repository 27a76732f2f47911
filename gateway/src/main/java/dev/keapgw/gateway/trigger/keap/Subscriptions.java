package dev.keapgw.gateway.trigger.keap;

import dev.keapgw.gateway.store.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Keap hook subscriptions in the store. Blocking. */
public final class Subscriptions {
  private static final String COLUMNS =
      "id, account_id, connection_id, event_key, url_hash, hook_key, status,"
          + " created_at, updated_at";
  private final Jdbi jdbi;

  public Subscriptions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Inserts a new subscription; false when the connection already has one for the key. */
  public boolean insert(Subscription s) {
    try {
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO hook_subscriptions (" + COLUMNS
              + ") VALUES (:id, :a, :c, :k," + " :u, :hk, :s, :ca, :ua)")
          .bind("id", s.id())
          .bind("a", s.accountId())
          .bind("c", s.connectionId())
          .bind("k", s.eventKey())
          .bind("u", s.urlHash())
          .bind("hk", s.hookKey())
          .bind("s", s.status())
          .bind("ca", Times.micros(s.createdAt()))
          .bind("ua", Times.micros(s.updatedAt()))
          .execute());
      return true;
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      if (find(s.connectionId(), s.eventKey()).isPresent()) {
        return false;
      }
      throw e;
    }
  }

  public Optional<Subscription> find(String connectionId, String eventKey) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM hook_subscriptions WHERE connection_id = :c" + " AND event_key = :k")
        .bind("c", connectionId)
        .bind("k", eventKey)
        .map((rs, c) -> map(rs))
        .findOne());
  }

  public Optional<Subscription> byId(String id) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + COLUMNS + " FROM hook_subscriptions WHERE id = :id")
            .bind("id", id)
            .map((rs, c) -> map(rs))
            .findOne());
  }

  public Optional<Subscription> byUrlHash(String hash) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + COLUMNS + " FROM hook_subscriptions WHERE url_hash = :u")
            .bind("u", hash)
            .map((rs, c) -> map(rs))
            .findOne());
  }

  public List<Subscription> ofConnection(String connectionId) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT " + COLUMNS + " FROM hook_subscriptions WHERE connection_id = :c")
        .bind("c", connectionId)
        .map((rs, c) -> map(rs))
        .list());
  }

  /** Subscriptions Keap knows (a key), oldest check first: for the keeper. */
  public List<Subscription> withKey(int limit) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT " + COLUMNS + " FROM hook_subscriptions WHERE hook_key IS NOT NULL"
                + " ORDER BY updated_at LIMIT :n")
        .bind("n", limit)
        .map((rs, c) -> map(rs))
        .list());
  }

  public void update(String id, String hookKey, String status, Instant now) {
    jdbi.useHandle(h -> h.createUpdate(
            "UPDATE hook_subscriptions SET hook_key = :hk, status = :s, updated_at = :now"
                + " WHERE id = :id")
        .bind("hk", hookKey)
        .bind("s", status)
        .bind("now", Times.micros(now))
        .bind("id", id)
        .execute());
  }

  /** A new hook URL for the subscription (after Keap lost it). */
  public void rekey(String id, String urlHash, String hookKey, String status, Instant now) {
    jdbi.useHandle(h -> h.createUpdate(
            "UPDATE hook_subscriptions SET url_hash = :u, hook_key = :hk, status = :s,"
                + " updated_at = :now WHERE id = :id")
        .bind("u", urlHash)
        .bind("hk", hookKey)
        .bind("s", status)
        .bind("now", Times.micros(now))
        .bind("id", id)
        .execute());
  }

  public void delete(String id) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM hook_subscriptions WHERE id = :id")
        .bind("id", id)
        .execute());
  }

  private static Subscription map(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getString("id"),
        rs.getString("account_id"),
        rs.getString("connection_id"),
        rs.getString("event_key"),
        rs.getString("url_hash"),
        rs.getString("hook_key"),
        rs.getString("status"),
        Times.instant(rs.getLong("created_at")),
        Times.instant(rs.getLong("updated_at")));
  }
}
