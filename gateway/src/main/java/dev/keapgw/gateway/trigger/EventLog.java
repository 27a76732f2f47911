package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Events as stored, and their deliveries. {@link #record} is the intake: the event and one
 * PENDING delivery per ENABLED destination are written in the caller's transaction, so an
 * event committed (and acknowledged to its source) always has its deliveries in the outbox.
 */
public final class EventLog {
  /** An event as listed: its deliveries counted. */
  public record Event(
      String id,
      String triggerId,
      long seq,
      Instant receivedAt,
      String payloadJson,
      int total,
      int succeeded,
      int failed) {}

  /** One delivery of an event, as {@code GET /triggers/{id}/events/{eid}} shows it. */
  public record Delivery(
      String id,
      String destinationId,
      String status,
      boolean replay,
      int attempts,
      Integer lastResponseStatus,
      Long lastResponseDuration,
      String lastErrorMessage,
      Instant lastAttemptAt,
      Instant nextAttemptAt,
      Instant finishedAt) {}

  private static final String EVENT_COLUMNS = "e.id, e.trigger_id, e.seq, e.received_at, e.payload,"
      + " (SELECT COUNT(*) FROM trigger_deliveries d WHERE d.event_id = e.id) AS total,"
      + " (SELECT COUNT(*) FROM trigger_deliveries d WHERE d.event_id = e.id AND d.status = 'SUCCEEDED') AS ok,"
      + " (SELECT COUNT(*) FROM trigger_deliveries d WHERE d.event_id = e.id AND d.status = 'FAILED') AS bad";

  private final Jdbi jdbi;

  public EventLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Takes in one event for a trigger: the event row and a delivery to each ENABLED destination. */
  public static String record(Handle h, String triggerId, ObjectNode payload, Instant now) {
    String id = UUID.randomUUID().toString();
    h.createUpdate(
            "INSERT INTO trigger_events (id, trigger_id, received_at, payload) VALUES (:id, :t, :r, :p)")
        .bind("id", id)
        .bind("t", triggerId)
        .bind("r", Times.micros(now))
        .bind("p", new String(Json.bytes(payload), StandardCharsets.UTF_8))
        .execute();
    long seq = h.createQuery("SELECT seq FROM trigger_events WHERE id = :id")
        .bind("id", id)
        .mapTo(Long.class)
        .one();
    List<String> destinations = h.createQuery(
            "SELECT id FROM trigger_destinations WHERE trigger_id = :t" + " AND status = 'ENABLED'")
        .bind("t", triggerId)
        .mapTo(String.class)
        .list();
    for (String d : destinations) {
      insertDelivery(h, id, d, seq, false, now);
    }
    return id;
  }

  private static void insertDelivery(
      Handle h, String eventId, String destinationId, long seq, boolean replay, Instant now) {
    h.createUpdate(
            "INSERT INTO trigger_deliveries (id, event_id, destination_id, seq, replay, status, attempts,"
                + " next_attempt_at, created_at) VALUES (:id, :e, :d, :seq, :r, 'PENDING', 0, :now, :now)")
        .bind("id", UUID.randomUUID().toString())
        .bind("e", eventId)
        .bind("d", destinationId)
        .bind("seq", seq)
        .bind("r", replay)
        .bind("now", Times.micros(now))
        .execute();
  }

  /** A page of a trigger's events, newest first, before {@code beforeSeq} (null: from the newest). */
  public List<Event> page(String triggerId, Long beforeSeq, int limit) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT " + EVENT_COLUMNS + " FROM trigger_events e" + " WHERE e.trigger_id = :t"
                + (beforeSeq == null ? "" : " AND e.seq < :b") + " ORDER BY e.seq DESC LIMIT :n")
        .bind("t", triggerId)
        .bind("b", beforeSeq)
        .bind("n", limit + 1)
        .map((rs, c) -> new Event(
            rs.getString("id"),
            rs.getString("trigger_id"),
            rs.getLong("seq"),
            Times.instant(rs.getLong("received_at")),
            rs.getString("payload"),
            rs.getInt("total"),
            rs.getInt("ok"),
            rs.getInt("bad")))
        .list());
  }

  public Optional<Event> find(String triggerId, String eventId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + EVENT_COLUMNS + " FROM trigger_events e"
            + " WHERE e.id = :id AND e.trigger_id = :t")
        .bind("id", eventId)
        .bind("t", triggerId)
        .map((rs, c) -> new Event(
            rs.getString("id"),
            rs.getString("trigger_id"),
            rs.getLong("seq"),
            Times.instant(rs.getLong("received_at")),
            rs.getString("payload"),
            rs.getInt("total"),
            rs.getInt("ok"),
            rs.getInt("bad")))
        .findOne());
  }

  public List<Delivery> deliveries(String eventId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, destination_id, status, replay, attempts,"
            + " last_response_status, last_response_duration, last_error_message, last_attempt_at, next_attempt_at,"
            + " finished_at FROM trigger_deliveries WHERE event_id = :e ORDER BY created_at, id")
        .bind("e", eventId)
        .map((rs, c) -> new Delivery(
            rs.getString("id"),
            rs.getString("destination_id"),
            rs.getString("status"),
            rs.getBoolean("replay"),
            rs.getInt("attempts"),
            rs.getObject("last_response_status", Integer.class),
            rs.getObject("last_response_duration", Long.class),
            rs.getString("last_error_message"),
            Times.instant(rs.getObject("last_attempt_at", Long.class)),
            Times.instant(rs.getObject("next_attempt_at", Long.class)),
            Times.instant(rs.getObject("finished_at", Long.class))))
        .list());
  }

  /** A replay: a new delivery of the event to each ENABLED destination, due now, outside the order. */
  public int replay(Event e, Instant now) {
    return jdbi.inTransaction(h -> {
      List<String> destinations = h.createQuery(
              "SELECT id FROM trigger_destinations WHERE trigger_id = :t"
                  + " AND status = 'ENABLED'")
          .bind("t", e.triggerId())
          .mapTo(String.class)
          .list();
      for (String d : destinations) {
        insertDelivery(h, e.id(), d, e.seq(), true, now);
      }
      return destinations.size();
    });
  }
}
