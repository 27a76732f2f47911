package dev.keapgw.gateway.trigger;

import dev.keapgw.gateway.store.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Triggers and their destinations in the store. Blocking: call from worker threads. Every
 * caller-facing read is scoped by account, so another account's row is simply not found.
 */
public final class TriggerRepository {
  static final String TRIGGER_COLUMNS =
      "t.id, t.account_id, t.source, t.event_type, t.connection_id, t.name,"
          + " t.description, t.parameters, t.status, t.reason, t.subscription_id, t.created_at, t.updated_at";
  static final String DESTINATION_COLUMNS =
      "d.id, d.trigger_id, d.url, d.method, d.name, d.headers,"
          + " d.body_template, d.secret_enc, d.status, d.reason, d.failing_since, d.created_at, d.updated_at";

  private final Jdbi jdbi;

  public TriggerRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public static void insert(Handle h, Trigger t) {
    h.createUpdate(
            "INSERT INTO triggers (id, account_id, source, event_type, connection_id, name, description,"
                + " parameters, status, reason, subscription_id, created_at, updated_at) VALUES (:id, :a, :src, :et,"
                + " :c, :n, :d, :p, :s, :r, :sub, :ca, :ua)")
        .bind("id", t.id())
        .bind("a", t.accountId())
        .bind("src", t.source().wire())
        .bind("et", t.eventType())
        .bind("c", t.connectionId())
        .bind("n", t.name())
        .bind("d", t.description())
        .bind("p", t.parametersJson())
        .bind("s", t.status().name())
        .bind("r", t.reason())
        .bind("sub", t.subscriptionId())
        .bind("ca", Times.micros(t.createdAt()))
        .bind("ua", Times.micros(t.updatedAt()))
        .execute();
  }

  public static void insert(Handle h, Destination d) {
    h.createUpdate(
            "INSERT INTO trigger_destinations (id, trigger_id, url, method, name, headers, body_template,"
                + " secret_enc, status, reason, failing_since, created_at, updated_at) VALUES (:id, :t, :u, :m, :n, :h,"
                + " :b, :s, :st, :r, :f, :ca, :ua)")
        .bind("id", d.id())
        .bind("t", d.triggerId())
        .bind("u", d.url())
        .bind("m", d.method())
        .bind("n", d.name())
        .bind("h", d.headersJson())
        .bind("b", d.bodyTemplate())
        .bind("s", d.secretSealed())
        .bind("st", d.status().name())
        .bind("r", d.reason())
        .bind("f", Times.micros(d.failingSince()))
        .bind("ca", Times.micros(d.createdAt()))
        .bind("ua", Times.micros(d.updatedAt()))
        .execute();
  }

  /** This account's trigger; empty for an unknown id and for another account's alike. */
  public Optional<Trigger> find(String accountId, String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + TRIGGER_COLUMNS
            + " FROM triggers t WHERE t.id = :id" + " AND t.account_id = :a")
        .bind("id", id)
        .bind("a", accountId)
        .map((rs, c) -> trigger(rs))
        .findOne());
  }

  public Optional<Trigger> byId(String id) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + TRIGGER_COLUMNS + " FROM triggers t WHERE t.id = :id")
            .bind("id", id)
            .map((rs, c) -> trigger(rs))
            .findOne());
  }

  /**
   * A page of this account's triggers, oldest first, after the position {@code (afterCreated,
   * afterId)} (null: from the start); {@code limit + 1} rows are read to tell whether more follow.
   */
  public List<Trigger> page(
      String accountId,
      TriggerSource source,
      TriggerStatus status,
      Instant afterCreated,
      String afterId,
      int limit) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + TRIGGER_COLUMNS + " FROM triggers t WHERE t.account_id = :a"
                + (source == null ? "" : " AND t.source = :src")
                + (status == null ? "" : " AND t.status = :st")
                + (afterId == null
                    ? ""
                    : " AND (t.created_at > :ac OR (t.created_at = :ac AND t.id > :aid))")
                + " ORDER BY t.created_at, t.id LIMIT :n")
            .bind("a", accountId)
            .bind("src", source == null ? null : source.wire())
            .bind("st", status == null ? null : status.name())
            .bind("ac", Times.micros(afterCreated))
            .bind("aid", afterId)
            .bind("n", limit + 1)
            .map((rs, c) -> trigger(rs))
            .list());
  }

  /** ENABLED gateway triggers of the account for one event type and connection (or all connections). */
  public List<Trigger> gatewayTriggers(
      Handle h, String accountId, String eventType, String connectionId) {
    return h.createQuery("SELECT " + TRIGGER_COLUMNS + " FROM triggers t WHERE t.source = 'gateway'"
            + " AND t.event_type = :et AND t.account_id = :a AND t.status = 'ENABLED'"
            + " AND (t.connection_id IS NULL OR t.connection_id = :c)")
        .bind("et", eventType)
        .bind("a", accountId)
        .bind("c", connectionId)
        .map((rs, c) -> trigger(rs))
        .list();
  }

  /** ENABLED triggers fed by a Keap hook subscription. */
  public static List<Trigger> bySubscription(Handle h, String subscriptionId) {
    return h.createQuery("SELECT " + TRIGGER_COLUMNS
            + " FROM triggers t WHERE t.subscription_id = :s" + " AND t.status = 'ENABLED'")
        .bind("s", subscriptionId)
        .map((rs, c) -> trigger(rs))
        .list();
  }

  /** Keap triggers of a connection (to fail them when it goes). */
  public List<Trigger> keapTriggersOf(String connectionId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + TRIGGER_COLUMNS
            + " FROM triggers t WHERE t.source = 'keap'" + " AND t.connection_id = :c")
        .bind("c", connectionId)
        .map((rs, c) -> trigger(rs))
        .list());
  }

  public void update(Trigger t) {
    jdbi.useHandle(h -> h.createUpdate(
            "UPDATE triggers SET name = :n, description = :d, parameters = :p,"
                + " status = :s, reason = :r, subscription_id = :sub, updated_at = :ua WHERE id = :id")
        .bind("n", t.name())
        .bind("d", t.description())
        .bind("p", t.parametersJson())
        .bind("s", t.status().name())
        .bind("r", t.reason())
        .bind("sub", t.subscriptionId())
        .bind("ua", Times.micros(t.updatedAt()))
        .bind("id", t.id())
        .execute());
  }

  public boolean delete(String accountId, String id) {
    return jdbi.withHandle(
            h -> h.createUpdate("DELETE FROM triggers WHERE id = :id AND account_id = :a")
                .bind("id", id)
                .bind("a", accountId)
                .execute())
        > 0;
  }

  /** Whether any trigger still uses a subscription. */
  public static boolean subscriptionInUse(Handle h, String subscriptionId) {
    return h.createQuery("SELECT COUNT(*) FROM triggers WHERE subscription_id = :s")
            .bind("s", subscriptionId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** The destinations of some triggers, oldest first. */
  public List<Destination> destinationsOf(List<String> triggerIds) {
    if (triggerIds.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + DESTINATION_COLUMNS + " FROM trigger_destinations d"
                + " WHERE d.trigger_id IN (<ids>) ORDER BY d.created_at, d.id")
            .bindList("ids", triggerIds)
            .map((rs, c) -> destination(rs))
            .list());
  }

  public Optional<Destination> destination(String triggerId, String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + DESTINATION_COLUMNS
            + " FROM trigger_destinations d" + " WHERE d.id = :id AND d.trigger_id = :t")
        .bind("id", id)
        .bind("t", triggerId)
        .map((rs, c) -> destination(rs))
        .findOne());
  }

  public void insert(Destination d) {
    jdbi.useHandle(h -> insert(h, d));
  }

  public void update(Destination d) {
    jdbi.useHandle(
        h -> h.createUpdate("UPDATE trigger_destinations SET url = :u, method = :m, name = :n,"
                + " headers = :h, body_template = :b, secret_enc = :s, status = :st, reason = :r, failing_since = :f,"
                + " updated_at = :ua WHERE id = :id")
            .bind("u", d.url())
            .bind("m", d.method())
            .bind("n", d.name())
            .bind("h", d.headersJson())
            .bind("b", d.bodyTemplate())
            .bind("s", d.secretSealed())
            .bind("st", d.status().name())
            .bind("r", d.reason())
            .bind("f", Times.micros(d.failingSince()))
            .bind("ua", Times.micros(d.updatedAt()))
            .bind("id", d.id())
            .execute());
  }

  public boolean deleteDestination(String triggerId, String id) {
    return jdbi.withHandle(h -> h.createUpdate(
                "DELETE FROM trigger_destinations WHERE id = :id AND trigger_id = :t")
            .bind("id", id)
            .bind("t", triggerId)
            .execute())
        > 0;
  }

  static Trigger trigger(ResultSet rs) throws SQLException {
    return new Trigger(
        rs.getString("id"),
        rs.getString("account_id"),
        TriggerSource.parse(rs.getString("source")),
        rs.getString("event_type"),
        rs.getString("connection_id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("parameters"),
        TriggerStatus.valueOf(rs.getString("status")),
        rs.getString("reason"),
        rs.getString("subscription_id"),
        Times.instant(rs.getLong("created_at")),
        Times.instant(rs.getLong("updated_at")));
  }

  static Destination destination(ResultSet rs) throws SQLException {
    return new Destination(
        rs.getString("id"),
        rs.getString("trigger_id"),
        rs.getString("url"),
        rs.getString("method"),
        rs.getString("name"),
        rs.getString("headers"),
        rs.getString("body_template"),
        rs.getString("secret_enc"),
        TriggerStatus.valueOf(rs.getString("status")),
        rs.getString("reason"),
        Times.instant(rs.getObject("failing_since", Long.class)),
        Times.instant(rs.getLong("created_at")),
        Times.instant(rs.getLong("updated_at")));
  }
}
