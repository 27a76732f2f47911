package dev.keapgw.gateway.trigger.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.store.Database;
import dev.keapgw.gateway.store.Times;
import dev.keapgw.gateway.trigger.Destination;
import dev.keapgw.gateway.trigger.EventLog;
import dev.keapgw.gateway.trigger.Trigger;
import dev.keapgw.gateway.trigger.TriggerRepository;
import dev.keapgw.gateway.trigger.TriggerSource;
import dev.keapgw.gateway.trigger.TriggerStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Outbox#claim} hands out, on the embedded store, with a backlog waiting behind a
 * destination whose first delivery is being retried: only each destination's first PENDING
 * delivery in intake order, and replays at once; nothing behind a head that is claimed or not
 * yet due; the next one once the head is done; a lapsed claim taken over.
 */
@Tag("unit")
class OutboxClaimTest {
  static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
  static final Duration LEASE = Duration.ofSeconds(45);

  @TempDir
  Path tmp;

  Database db;
  Jdbi jdbi;
  Outbox outbox;

  @BeforeEach
  void open() {
    db = Database.open(null, tmp.resolve("store"));
    jdbi = db.jdbi();
    outbox = new Outbox(jdbi, false);
    new AccountRepository(jdbi).insertAccount(new Account("acct", "claims", null, T0, false));
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** A trigger with one ENABLED destination; answers the destination's id. */
  String destination(String name) {
    String trigger = "t-" + name;
    String destination = "d-" + name;
    jdbi.useHandle(h -> {
      TriggerRepository.insert(
          h,
          new Trigger(
              trigger,
              "acct",
              TriggerSource.GATEWAY,
              "connection.active",
              null,
              name,
              null,
              "{}",
              TriggerStatus.ENABLED,
              null,
              null,
              T0,
              T0));
      TriggerRepository.insert(
          h,
          new Destination(
              destination,
              trigger,
              "http://127.0.0.1:9/" + name,
              "POST",
              null,
              "{}",
              null,
              "sealed",
              TriggerStatus.ENABLED,
              null,
              null,
              T0,
              T0));
    });
    return destination;
  }

  /** Takes in {@code n} events for the destination's trigger; answers their event ids in order. */
  List<String> events(String destination, int n) {
    List<String> ids = new ArrayList<>();
    jdbi.useTransaction(h -> {
      for (int i = 0; i < n; i++) {
        ids.add(EventLog.record(
            h,
            "t-" + destination.substring(2),
            JsonNodeFactory.instance.objectNode().put("n", i),
            T0));
      }
    });
    return ids;
  }

  List<String> claimedEvents(Instant now) {
    return outbox.claim("me", now, LEASE, 64).stream().map(Claimed::eventId).toList();
  }

  @Test
  void onlyHeadsAndReplaysAreHandedOutWhateverWaitsBehindThem() {
    String down = destination("down");
    String up = destination("up");
    List<String> downEvents = events(down, 300);
    List<String> upEvents = events(up, 3);
    Instant now = T0.plusSeconds(1);

    // the first pass hands out each destination's first event, nothing behind it
    List<Claimed> first = outbox.claim("me", now, LEASE, 64);
    assertThat(first)
        .extracting(Claimed::eventId)
        .containsExactly(downEvents.get(0), upEvents.get(0));
    // the down destination's first fails and waits for its retry; the other succeeds
    Claimed downHead = first.get(0);
    assertThat(outbox.failed(
            downHead,
            "me",
            new Outcome(503, Duration.ofMillis(1), "the destination answered 503", null),
            Duration.ofMinutes(5),
            now))
        .isEqualTo(Outbox.Verdict.RETRY);
    outbox.succeeded(first.get(1), new Outcome(200, Duration.ofMillis(1), null, null), now);

    // the 299 behind the retried head wait; the up destination's second is next
    assertThat(claimedEvents(now)).containsExactly(upEvents.get(1));
    // claimed and not finished: its third waits too
    assertThat(claimedEvents(now)).isEmpty();

    // a replay of a waiting event goes out at once, outside the order
    String replayed = downEvents.get(200);
    jdbi.useHandle(
        h -> h.createUpdate("INSERT INTO trigger_deliveries (id, event_id, destination_id,"
                + " seq, replay, status, attempts, next_attempt_at, created_at) SELECT :id, event_id,"
                + " destination_id, seq, TRUE, 'PENDING', 0, :now, :now FROM trigger_deliveries"
                + " WHERE event_id = :e")
            .bind("id", UUID.randomUUID().toString())
            .bind("e", replayed)
            .bind("now", Times.micros(now))
            .execute());
    List<Claimed> replay = outbox.claim("me", now, LEASE, 64);
    assertThat(replay).extracting(Claimed::eventId).containsExactly(replayed);
    outbox.succeeded(replay.get(0), new Outcome(200, Duration.ofMillis(1), null, null), now);

    // the up destination's claim lapses: its second is taken over, its third still waits
    Instant later = now.plus(LEASE).plusSeconds(1);
    List<Claimed> takenOver = outbox.claim("me", later, LEASE, 64);
    assertThat(takenOver).extracting(Claimed::eventId).containsExactly(upEvents.get(1));
    outbox.succeeded(takenOver.get(0), new Outcome(200, Duration.ofMillis(1), null, null), later);
    List<Claimed> third = outbox.claim("me", later, LEASE, 64);
    assertThat(third).extracting(Claimed::eventId).containsExactly(upEvents.get(2));
    outbox.succeeded(third.get(0), new Outcome(200, Duration.ofMillis(1), null, null), later);

    // the retry falls due: the down destination's first again, then (once done) its second
    Instant retry = now.plus(Duration.ofMinutes(5));
    List<Claimed> again = outbox.claim("me", retry, LEASE, 64);
    assertThat(again).extracting(Claimed::eventId).containsExactly(downEvents.get(0));
    assertThat(again.get(0).attempts()).isEqualTo(2);
    outbox.succeeded(again.get(0), new Outcome(200, Duration.ofMillis(1), null, null), retry);
    assertThat(claimedEvents(retry)).containsExactly(downEvents.get(1));
  }

  @Test
  void aClaimReadsNothingThatWaitsBehindAHead() {
    String down = destination("down");
    events(down, 300);
    String up = destination("up");
    events(up, 5);
    // H2 reads the order index in order and stops at each destination's first row only when the
    // ORDER BY names the index's columns; with "ORDER BY q.seq" it read all 300 (scanCount 301)
    for (String query : List.of(Outbox.HEADS, Outbox.REPLAYS)) {
      String plan = jdbi.withHandle(h -> {
        var q = h.createQuery("EXPLAIN ANALYZE " + query);
        if (query.contains(":now")) {
          q.bind("now", Times.micros(T0.plusSeconds(1))).bind("n", 64);
        }
        return q.mapTo(String.class).one();
      });
      Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(plan);
      int most = 0;
      while (scans.find()) {
        most = Math.max(most, Integer.parseInt(scans.group(1)));
      }
      assertThat(most).as(plan).isBetween(1, 3);
    }
  }
}
