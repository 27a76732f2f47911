package dev.keapgw.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.engines.Cluster;
import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.gateway.trigger.WebhookVerifier;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL, both dispatchers delivering from the shared outbox (claims
 * with {@code FOR UPDATE SKIP LOCKED}): events taken in on both instances, to a trigger with one
 * destination and to a trigger with three (one of which refuses its first attempt). Every
 * receiver gets every event; each attempt the store counts reached the receiver exactly once
 * (none missing, no duplicate by {@code webhook-id}); each destination got its events in intake
 * order; both instances made deliveries.
 */
@Tag("slow")
class ClusterDeliveryTest {
  static final int EVENTS = 30;
  static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = Cluster.start(
        2,
        PostgresEngine.shared().newDatabase(),
        null,
        s -> s,
        g -> g.withAllowPrivateDestinations(true));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void everyAttemptIsMadeOnceAndInOrderPerDestination() {
    AccountService.NewAccount a = cluster.newAccount("cluster-triggers");
    TestHttp api = cluster.as(0, a.key().secret());
    List<Receiver> receivers = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        receivers.add(new Receiver());
      }
      receivers.get(2).answer(503);
      String single = trigger(api, receivers.subList(0, 1));
      String several = trigger(api, receivers.subList(1, 4));
      Map<String, String> secrets = new LinkedHashMap<>();
      for (String t : List.of(single, several)) {
        secrets.putAll(signingSecrets.remove(t));
      }

      for (int i = 0; i < EVENTS; i++) {
        DirectConnections.activate(
            cluster.gateway(i % 2), cluster.sandbox(), a.account().id());
      }
      for (Receiver r : receivers) {
        Receiver.await(
            Duration.ofSeconds(60),
            "every event at " + r.url("/"),
            () -> r.hits().stream().map(h -> h.header("webhook-id")).distinct().count() == EVENTS);
      }

      for (int i = 0; i < receivers.size(); i++) {
        String trigger = i == 0 ? single : several;
        Receiver r = receivers.get(i);
        List<String> order = eventsInIntakeOrder(trigger);
        assertThat(order).hasSize(EVENTS);
        List<String> got = r.hits().stream().map(h -> h.header("webhook-id")).toList();
        List<String> expected = new ArrayList<>(order);
        if (i == 2) {
          expected.add(0, order.get(0)); // refused once, then tried again before anything else
        }
        assertThat(got)
            .as("receiver %d: every attempt once, in intake order", i)
            .isEqualTo(expected);
        String destination = destinationOf.get(r);
        assertThat(attemptsRecorded(destination))
            .as("attempts the store counted for receiver %d", i)
            .isEqualTo(got.size());
        for (Receiver.Hit h : r.hits()) {
          assertThat(WebhookVerifier.verify(
                  secrets.get(destination),
                  h.header("webhook-id"),
                  h.header("webhook-timestamp"),
                  h.header("webhook-signature"),
                  h.body(),
                  Instant.now()))
              .isTrue();
        }
      }
      double first = delivered(0);
      double second = delivered(1);
      assertThat(first + second).isEqualTo(4.0 * EVENTS);
      assertThat(first).as("instance 0 delivered").isPositive();
      assertThat(second).as("instance 1 delivered").isPositive();
    } finally {
      receivers.forEach(Receiver::close);
    }
  }

  static final Map<String, Map<String, String>> signingSecrets =
      new java.util.concurrent.ConcurrentHashMap<>();
  static final Map<Receiver, String> destinationOf = new java.util.concurrent.ConcurrentHashMap<>();

  /** A connection.active trigger with a destination at each receiver. */
  private static String trigger(TestHttp api, List<Receiver> receivers) {
    TestHttp.Reply r =
        api.post("/triggers", Map.of("source", "gateway", "event_type", "connection.active"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().at("/trigger/trigger_id").asText();
    Map<String, String> secrets = new LinkedHashMap<>();
    for (Receiver receiver : receivers) {
      TestHttp.Reply d =
          api.post("/triggers/" + id + "/destinations", Map.of("url", receiver.url("/events")));
      assertThat(d.status()).as(d.body()).isEqualTo(201);
      JsonNode dest = d.json().path("destination");
      String did = dest.path("destination_id").asText();
      destinationOf.put(receiver, did);
      secrets.put(did, dest.path("signing_secret").asText());
    }
    signingSecrets.put(id, secrets);
    return id;
  }

  private static List<String> eventsInIntakeOrder(String triggerId) {
    return cluster
        .gateway(0)
        .services()
        .db()
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT id FROM trigger_events WHERE trigger_id = :t ORDER BY seq")
                .bind("t", triggerId)
                .mapTo(String.class)
                .list());
  }

  private static int attemptsRecorded(String destinationId) {
    return cluster
        .gateway(0)
        .services()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(attempts), 0) FROM trigger_deliveries WHERE destination_id = :d")
            .bind("d", destinationId)
            .mapTo(Integer.class)
            .one());
  }

  private static double delivered(int instance) {
    String metrics = cluster.anonymous(instance).get("/metrics").body();
    return metrics
        .lines()
        .filter(l ->
            l.startsWith("triggers_delivery_attempts_total{") && l.contains("result=\"delivered\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
