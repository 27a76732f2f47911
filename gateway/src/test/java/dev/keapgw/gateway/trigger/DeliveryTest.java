package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery from the outbox, on an injected clock: a failing receiver gets the event again once
 * the retry is due; events reach one destination in order; a replay goes out at once, outside
 * the order; Retry-After sets the next attempt; 410 disables the destination; a day of
 * failures disables it with the reason; a body_template fills Maton's placeholders. Events come
 * from connections activated through the sandbox's code grant ({@code connection.active}).
 */
class DeliveryTest {
  static final MutableClock CLOCK = new MutableClock(Instant.now());

  @RegisterExtension
  static final GatewayFixture FIX =
      new GatewayFixture(s -> s, g -> g.withClock(CLOCK).withAllowPrivateDestinations(true));

  static final Duration SOON = Duration.ofSeconds(15);

  record Setup(
      AccountService.NewAccount account,
      TestHttp api,
      String triggerId,
      String destinationId,
      String secret,
      Receiver receiver) {}

  static Setup setup(String name, Map<String, Object> extra) {
    Receiver receiver = new Receiver();
    AccountService.NewAccount a = FIX.newAccount(name);
    TestHttp api = FIX.as(a.key().secret());
    Map<String, Object> dest = new java.util.HashMap<>(Map.of("url", receiver.url("/" + name)));
    dest.putAll(extra);
    TestHttp.Reply r = api.post(
        "/triggers",
        Map.of(
            "source", "gateway", "event_type", "connection.active", "destinations", List.of(dest)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode t = r.json().path("trigger");
    return new Setup(
        a,
        api,
        t.path("trigger_id").asText(),
        t.at("/destinations/0/destination_id").asText(),
        t.at("/destinations/0/signing_secret").asText(),
        receiver);
  }

  static void event(Setup s) {
    DirectConnections.activate(FIX, s.account().account().id());
  }

  static void tick(Duration d) {
    CLOCK.advance(d);
    FIX.gateway().feature(TriggerFeature.class).wake();
  }

  static JsonNode delivery(Setup s, String eventId) {
    return s.api()
        .get("/triggers/" + s.triggerId() + "/events/" + eventId)
        .json()
        .at("/event/deliveries/0");
  }

  static void verified(Setup s, Receiver.Hit h) {
    assertThat(WebhookVerifier.verify(
            s.secret(),
            h.header("webhook-id"),
            h.header("webhook-timestamp"),
            h.header("webhook-signature"),
            h.body(),
            CLOCK.instant()))
        .isTrue();
  }

  @Test
  void aReceiverThatFailsThenRecoversGetsTheEventAgain() {
    Setup s = setup("recovers", Map.of());
    try (Receiver r = s.receiver()) {
      r.answer(500);
      event(s);
      Receiver.await(SOON, "the first attempt", () -> r.hits().size() == 1);
      Receiver.await(
          SOON,
          "the failure recorded",
          () -> s.api()
                  .get("/triggers/" + s.triggerId() + "/events")
                  .json()
                  .at("/events/0/event_id")
                  .isTextual()
              && delivery(s, eventId(s)).path("last_response_status").asInt() == 500);
      JsonNode pending = delivery(s, eventId(s));
      assertThat(pending.path("status").asText()).isEqualTo("PENDING");
      assertThat(pending.path("attempts").asInt()).isEqualTo(1);
      assertThat(pending.path("last_error_message").asText()).contains("500");
      Instant next = Instant.parse(pending.path("next_attempt_at").asText());
      Instant last = Instant.parse(pending.path("last_attempt_at").asText());
      assertThat(Duration.between(last, next))
          .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
      tick(Duration.ofSeconds(10));
      Receiver.await(SOON, "the retry", () -> r.hits().size() == 2);
      Receiver.await(
          SOON,
          "the success recorded",
          () -> delivery(s, eventId(s)).path("status").asText().equals("SUCCEEDED"));
      assertThat(r.hits().get(0).header("webhook-id"))
          .isEqualTo(r.hits().get(1).header("webhook-id"));
      assertThat(r.hits().get(1).text()).isEqualTo(r.hits().get(0).text());
      verified(s, r.hits().get(1));
      JsonNode done = delivery(s, eventId(s));
      assertThat(done.path("attempts").asInt()).isEqualTo(2);
      assertThat(done.path("last_response_status").asInt()).isEqualTo(200);
      assertThat(done.path("last_error_message").isNull()).isTrue();
    }
  }

  @Test
  void oneDestinationGetsItsEventsInOrderAndAReplayAtOnce() {
    Setup s = setup("ordered", Map.of());
    try (Receiver r = s.receiver()) {
      r.answer(503);
      event(s);
      Receiver.await(SOON, "the first attempt", () -> r.hits().size() == 1);
      event(s);
      event(s);
      Receiver.await(SOON, "three events", () -> events(s).size() == 3);
      List<String> ids = events(s).reversed();
      // the first attempt's failure is recorded before the clock moves (else its retry is
      // scheduled from the later time and never falls due in this test)
      Receiver.await(
          SOON,
          "the first failure recorded",
          () -> delivery(s, ids.get(0)).path("last_response_status").asInt() == 503);
      // the second and third wait behind the first, however often the dispatcher looks
      for (int i = 0; i < 3; i++) {
        FIX.gateway().feature(TriggerFeature.class).wake();
      }
      tick(Duration.ofSeconds(10));
      Receiver.await(SOON, "all delivered", () -> r.hits().size() >= 4);
      assertThat(r.hits().stream().map(h -> h.header("webhook-id")).toList())
          .containsExactly(ids.get(0), ids.get(0), ids.get(1), ids.get(2));

      // a replay of the first goes out at once, while a newer event waits for its retry
      r.answer(500);
      event(s);
      Receiver.await(SOON, "the fourth event's first attempt", () -> r.hits().size() == 5);
      TestHttp.Reply replay = s.api()
          .post("/triggers/" + s.triggerId() + "/events/" + ids.get(0) + "/replay", Map.of());
      assertThat(replay.status()).as(replay.body()).isEqualTo(202);
      Receiver.await(SOON, "the replay", () -> r.hits().size() == 6);
      assertThat(r.hits().get(5).header("webhook-id")).isEqualTo(ids.get(0));
      verified(s, r.hits().get(5));
      JsonNode replayed = s.api()
          .get("/triggers/" + s.triggerId() + "/events/" + ids.get(0))
          .json()
          .path("event");
      assertThat(replayed.at("/delivery_counts/total").asInt()).isEqualTo(2);
      Receiver.await(
          SOON,
          "the replay recorded",
          () -> s.api()
                  .get("/triggers/" + s.triggerId() + "/events/" + ids.get(0))
                  .json()
                  .at("/event/delivery_counts/succeeded")
                  .asInt()
              == 2);
    }
  }

  @Test
  void retryAfterSetsTheNextAttempt() {
    Setup s = setup("retry-after", Map.of());
    try (Receiver r = s.receiver()) {
      r.answer(429, Map.of("Retry-After", "120"));
      event(s);
      Receiver.await(
          SOON,
          "the failure recorded",
          () -> !events(s).isEmpty()
              && delivery(s, eventId(s)).path("last_response_status").asInt() == 429);
      JsonNode d = delivery(s, eventId(s));
      assertThat(Duration.between(
              Instant.parse(d.path("last_attempt_at").asText()),
              Instant.parse(d.path("next_attempt_at").asText())))
          .isEqualTo(Duration.ofSeconds(120));
    }
  }

  @Test
  void aGoneDestinationIsDisabledWithTheReason() {
    Setup s = setup("gone", Map.of());
    try (Receiver r = s.receiver()) {
      r.answer(410);
      event(s);
      Receiver.await(
          SOON,
          "the destination disabled",
          () -> s.api()
              .get("/triggers/" + s.triggerId() + "/destinations/" + s.destinationId())
              .json()
              .at("/destination/status")
              .asText()
              .equals("DISABLED"));
      JsonNode d = s.api()
          .get("/triggers/" + s.triggerId() + "/destinations/" + s.destinationId())
          .json()
          .path("destination");
      assertThat(d.path("reason").asText()).contains("410");
      assertThat(delivery(s, eventId(s)).path("status").asText()).isEqualTo("FAILED");
      event(s);
      Receiver.await(SOON, "the second event", () -> events(s).size() == 2);
      assertThat(s.api()
              .get("/triggers/" + s.triggerId() + "/events")
              .json()
              .at("/events/0/delivery_counts/total")
              .asInt())
          .isZero();
      // re-enabled, it takes events again
      assertThat(s.api()
              .patch(
                  "/triggers/" + s.triggerId() + "/destinations/" + s.destinationId(),
                  Map.of("status", "ENABLED"))
              .json()
              .at("/destination/status")
              .asText())
          .isEqualTo("ENABLED");
      event(s);
      Receiver.await(SOON, "a delivery after re-enabling", () -> r.hits().size() == 2);
    }
  }

  @Test
  void aDestinationFailingForADayIsDisabledWithTheReason() {
    Setup s = setup("failing", Map.of());
    try (Receiver r = s.receiver()) {
      for (int i = 0; i < 20; i++) {
        r.answer(500);
      }
      event(s);
      String status = "ENABLED";
      int attempts = 0;
      for (int i = 0; i < 12 && status.equals("ENABLED"); i++) {
        int before = r.hits().size();
        Receiver.await(SOON, "an attempt", () -> r.hits().size() > before);
        attempts = r.hits().size();
        Receiver.await(
            SOON,
            "the outcome recorded",
            () -> !delivery(s, eventId(s)).path("status").asText().equals("PENDING")
                || delivery(s, eventId(s)).path("attempts").asInt() == r.hits().size()
                    && !delivery(s, eventId(s)).path("next_attempt_at").isNull());
        status = s.api()
            .get("/triggers/" + s.triggerId() + "/destinations/" + s.destinationId())
            .json()
            .at("/destination/status")
            .asText();
        if (status.equals("ENABLED")) {
          tick(Duration.ofHours(11));
        }
      }
      assertThat(status).isEqualTo("DISABLED");
      assertThat(attempts).isBetween(4, 8);
      assertThat(s.api()
              .get("/triggers/" + s.triggerId() + "/destinations/" + s.destinationId())
              .json()
              .at("/destination/reason")
              .asText())
          .contains("for a day");
      assertThat(delivery(s, eventId(s)).path("status").asText()).isEqualTo("FAILED");
      // on /metrics: the retries and the attempt given up, beside intake, deliveries and the outbox
      String metrics = FIX.anonymous().get("/metrics").body();
      assertThat(metrics)
          .containsPattern("triggers_delivery_attempts_total\\{result=\"retried\"} [1-9]");
      assertThat(metrics)
          .containsPattern("triggers_delivery_attempts_total\\{result=\"failed\"} [1-9]");
      assertThat(metrics)
          .containsPattern("triggers_events_received_total\\{source=\"gateway\"} [1-9]");
      assertThat(metrics)
          .contains(
              "triggers_outbox_depth ",
              "triggers_outbox_oldest_age_seconds ",
              "triggers_delivery_latency_seconds_count ");
    }
  }

  @Test
  void aBodyTemplateFillsThePlaceholders() {
    Setup s = setup(
        "template",
        Map.of(
            "body_template",
            "{\"text\":\"{{ event_type }} on {{ payload.connection_id }}\",\"id\":\"{{ event_id }}\",\"p\":{{ payload }},"
                + "\"missing\":{{ payload.nothing.here }},\"t\":\"{{ trigger_id }}\",\"s\":\"{{source}}\"}",
            "method",
            "PUT",
            "headers",
            Map.of("X-Team", "ops")));
    try (Receiver r = s.receiver()) {
      event(s);
      Receiver.await(SOON, "the delivery", () -> r.hits().size() == 1);
      Receiver.Hit h = r.hits().get(0);
      assertThat(h.method()).isEqualTo("PUT");
      assertThat(h.header("X-Team")).isEqualTo("ops");
      verified(s, h);
      JsonNode b = h.json();
      String connection = b.at("/p/connection_id").asText();
      assertThat(b.path("text").asText()).isEqualTo("connection.active on " + connection);
      assertThat(b.path("id").asText()).isEqualTo(h.header("webhook-id"));
      assertThat(b.path("missing").isNull()).isTrue();
      assertThat(b.path("t").asText()).isEqualTo(s.triggerId());
      assertThat(b.path("s").asText()).isEqualTo("gateway");
    }
  }

  static List<String> events(Setup s) {
    return s.api()
        .get("/triggers/" + s.triggerId() + "/events")
        .json()
        .path("events")
        .findValuesAsText("event_id");
  }

  static String eventId(Setup s) {
    return events(s).get(0);
  }
}
