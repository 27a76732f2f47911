package dev.keapgw.gateway.trigger.delivery;

import dev.keapgw.gateway.store.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable outbox of deliveries in the store, shared by every instance. Blocking.
 *
 * <p>A delivery is due when it is PENDING, its next attempt time has come, nobody holds an
 * unexpired claim on it, and (unless it is a replay) no earlier PENDING delivery to the same
 * destination exists: so a destination gets its events in order, one at a time. An instance
 * claims a due delivery for one attempt by writing its id and a claim expiry in one
 * conditional update (on PostgreSQL after locking the rows with {@code FOR UPDATE SKIP LOCKED},
 * so instances never wait on each other): exactly one instance makes each attempt. If it dies
 * mid-attempt the claim lapses and another instance makes the attempt again.
 */
public final class Outbox {
  static final String PENDING = "PENDING";
  static final Duration DISABLE_AFTER = Duration.ofDays(1);

  private final Jdbi jdbi;
  private final boolean postgres;

  public Outbox(Jdbi jdbi, boolean postgres) {
    this.jdbi = jdbi;
    this.postgres = postgres;
  }

  /**
   * Each destination's first PENDING delivery in intake order (replays aside), the only one of its
   * deliveries that may be sent: its id, seq, next attempt and claim. Each column is one probe of
   * the order index per destination (the ORDER BY names the index's columns so that H2 reads it
   * in order and stops at the first row), so the cost does not grow with the deliveries waiting
   * behind a head: a destination that is down may hold thousands, and reading them at every pass
   * slowed the deliveries of every destination.
   */
  static final String HEADS = "SELECT " + head("id") + ", " + head("seq") + ", "
      + head("next_attempt_at") + ", " + head("claimed_until") + " FROM trigger_destinations x";

  private static String head(String column) {
    return "(SELECT q." + column + " FROM trigger_deliveries q WHERE q.destination_id = x.id"
        + " AND q.status = 'PENDING' AND q.replay = FALSE ORDER BY q.destination_id, q.status, q.seq"
        + " LIMIT 1) AS " + column;
  }

  /** Due replays, read in the order of the replays index (see V7). */
  static final String REPLAYS = "SELECT d.id FROM trigger_deliveries d WHERE d.replay = TRUE"
      + " AND d.status = 'PENDING' AND d.next_attempt_at <= :now"
      + " AND (d.claimed_until IS NULL OR d.claimed_until <= :now)"
      + " ORDER BY d.replay, d.status, d.next_attempt_at LIMIT :n";

  private record Head(String id, long seq, long next, Long claimedUntil) {}

  /** Claims up to {@code max} due deliveries for {@code holder} until {@code now + lease}. */
  public List<Claimed> claim(String holder, Instant now, Duration lease, int max) {
    long at = Times.micros(now);
    return jdbi.inTransaction(h -> {
      String lock = postgres ? " FOR UPDATE SKIP LOCKED" : "";
      List<String> due = new ArrayList<>(h.createQuery(REPLAYS + lock)
          .bind("now", at)
          .bind("n", max)
          .mapTo(String.class)
          .list());
      List<String> heads = h
          .createQuery(HEADS)
          .map((rs, c) -> rs.getString("id") == null
              ? null
              : new Head(
                  rs.getString("id"),
                  rs.getLong("seq"),
                  rs.getLong("next_attempt_at"),
                  rs.getObject("claimed_until", Long.class)))
          .list()
          .stream()
          .filter(x ->
              x != null && x.next() <= at && (x.claimedUntil() == null || x.claimedUntil() <= at))
          .sorted(Comparator.comparingLong(Head::next).thenComparingLong(Head::seq))
          .limit(Math.max(0, max - due.size()))
          .map(Head::id)
          .toList();
      if (postgres && !heads.isEmpty()) {
        // another instance claiming one of them holds its row: skip it rather than wait
        List<String> locked = h.createQuery(
                "SELECT id FROM trigger_deliveries WHERE id IN (<ids>) FOR UPDATE SKIP LOCKED")
            .bindList("ids", heads)
            .mapTo(String.class)
            .list();
        heads = heads.stream().filter(locked::contains).toList();
      }
      due.addAll(heads);
      List<Claimed> claimed = new ArrayList<>();
      for (String id : due) {
        int n = h.createUpdate(
                "UPDATE trigger_deliveries SET claimed_by = :me, claimed_until = :until,"
                    + " attempts = attempts + 1, last_attempt_at = :now WHERE id = :id AND status = 'PENDING'"
                    + " AND (claimed_until IS NULL OR claimed_until <= :now)")
            .bind("me", holder)
            .bind("until", Times.micros(now.plus(lease)))
            .bind("now", at)
            .bind("id", id)
            .execute();
        if (n == 1) {
          claimed.add(load(h, id));
        }
      }
      return claimed;
    });
  }

  private static Claimed load(Handle h, String id) {
    return h.createQuery(
            "SELECT d.id, d.event_id, d.destination_id, d.attempts, d.replay, e.trigger_id,"
                + " e.received_at, e.payload, t.source, t.event_type, x.url, x.method, x.headers, x.body_template,"
                + " x.secret_enc FROM trigger_deliveries d JOIN trigger_events e ON e.id = d.event_id"
                + " JOIN triggers t ON t.id = e.trigger_id JOIN trigger_destinations x ON x.id = d.destination_id"
                + " WHERE d.id = :id")
        .bind("id", id)
        .map((rs, c) -> new Claimed(
            rs.getString("id"),
            rs.getString("event_id"),
            rs.getString("destination_id"),
            rs.getString("trigger_id"),
            rs.getString("source"),
            rs.getString("event_type"),
            Times.instant(rs.getLong("received_at")),
            rs.getString("payload"),
            rs.getString("url"),
            rs.getString("method"),
            rs.getString("headers"),
            rs.getString("body_template"),
            rs.getString("secret_enc"),
            rs.getInt("attempts"),
            rs.getBoolean("replay")))
        .one();
  }

  /** Records a delivered attempt (whoever holds the claim now: the destination has the event). */
  public void succeeded(Claimed c, Outcome o, Instant now) {
    jdbi.useTransaction(h -> {
      h.createUpdate(
              "UPDATE trigger_deliveries SET status = 'SUCCEEDED', finished_at = :now, claimed_by = NULL,"
                  + " claimed_until = NULL, next_attempt_at = NULL, last_response_status = :s,"
                  + " last_response_duration = :d, last_error_message = NULL WHERE id = :id AND status = 'PENDING'")
          .bind("now", Times.micros(now))
          .bind("s", o.status())
          .bind("d", o.duration().toMillis())
          .bind("id", c.deliveryId())
          .execute();
      h.createUpdate(
              "UPDATE trigger_destinations SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
          .bind("id", c.destinationId())
          .execute();
    });
  }

  /** What a failed attempt led to. */
  public enum Verdict {
    RETRY,
    GAVE_UP,
    DESTINATION_DISABLED,
    /** The claim had lapsed and another instance took the delivery over: nothing recorded. */
    STALE
  }

  /**
   * Records a failed attempt: retried after {@code wait}, given up when {@code wait} is null,
   * and the destination disabled after a 410 or once every attempt has failed for a day.
   */
  public Verdict failed(Claimed c, String holder, Outcome o, Duration wait, Instant now) {
    return jdbi.inTransaction(h -> {
      Long since = h.createQuery("SELECT failing_since FROM trigger_destinations WHERE id = :id")
          .bind("id", c.destinationId())
          .mapTo(Long.class)
          .findOne()
          .orElse(null);
      Instant failingSince = since == null ? now : Times.instant(since);
      String disable = null;
      if (o.gone()) {
        disable = "The destination answered 410 Gone on " + Times.iso(now)
            + "; re-enable it with PATCH" + " {\"status\":\"ENABLED\"} once it takes events again.";
      } else if (!failingSince.plus(DISABLE_AFTER).isAfter(now)) {
        disable = "Every delivery failed for a day, since " + Times.iso(failingSince) + " (last: "
            + o.error()
            + "); re-enable it with PATCH {\"status\":\"ENABLED\"} once it takes events again.";
      }
      boolean last = wait == null || disable != null;
      int n = h.createUpdate("UPDATE trigger_deliveries SET status = :st, next_attempt_at = :next,"
              + " finished_at = :fin, claimed_by = NULL, claimed_until = NULL, last_response_status = :s,"
              + " last_response_duration = :d, last_error_message = :e WHERE id = :id AND status = 'PENDING'"
              + " AND claimed_by = :me")
          .bind("st", last ? "FAILED" : PENDING)
          .bind("next", last ? null : Times.micros(now.plus(wait)))
          .bind("fin", last ? Times.micros(now) : null)
          .bind("s", o.status())
          .bind("d", o.duration().toMillis())
          .bind("e", o.error())
          .bind("id", c.deliveryId())
          .bind("me", holder)
          .execute();
      if (n == 0) {
        return Verdict.STALE;
      }
      if (disable != null) {
        disable(h, c.destinationId(), disable, now);
        return Verdict.DESTINATION_DISABLED;
      }
      if (since == null) {
        h.createUpdate(
                "UPDATE trigger_destinations SET failing_since = :f WHERE id = :id AND failing_since IS NULL")
            .bind("f", Times.micros(now))
            .bind("id", c.destinationId())
            .execute();
      }
      return last ? Verdict.GAVE_UP : Verdict.RETRY;
    });
  }

  /** Disables a destination with a reason; its pending deliveries are given up. */
  public static void disable(Handle h, String destinationId, String reason, Instant now) {
    h.createUpdate(
            "UPDATE trigger_destinations SET status = 'DISABLED', reason = :r, updated_at = :now WHERE id = :id")
        .bind("r", reason)
        .bind("now", Times.micros(now))
        .bind("id", destinationId)
        .execute();
    h.createUpdate(
            "UPDATE trigger_deliveries SET status = 'FAILED', finished_at = :now, next_attempt_at = NULL,"
                + " last_error_message = COALESCE(last_error_message, 'the destination was disabled')"
                + " WHERE destination_id = :id AND status = 'PENDING' AND claimed_by IS NULL")
        .bind("now", Times.micros(now))
        .bind("id", destinationId)
        .execute();
  }

  /** Deliveries not yet finished, and the time the oldest of them was made (null when none). */
  public record Depth(long pending, Instant oldest) {}

  public Depth depth() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM"
            + " trigger_deliveries WHERE status = 'PENDING'")
        .map((rs, c) ->
            new Depth(rs.getLong("n"), Times.instant(rs.getObject("oldest", Long.class))))
        .one());
  }
}
