package dev.keapgw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's triggers over plain HTTP against a gateway in front of the sandbox (Keap's REST
 * hooks every 20 ms) and a loopback receiver: a keap trigger made through the console, a contact
 * created through the gateway, its event and delivery as the console shows them, replay, secret
 * rotation shown once, and that one account never reaches another's triggers or events.
 */
class ConsoleTriggersTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withHookDelay(Duration.ofMillis(20)), g -> g.withAllowPrivateDestinations(true));

  static AccountService.NewAccount alice;
  static AccountService.NewAccount bob;
  static String aliceConnection;
  static Receiver receiver;

  @BeforeAll
  static void accounts() {
    alice = FIX.newAccount("alice");
    bob = FIX.newAccount("bob");
    aliceConnection = ConnectFlow.connect(FIX, alice.key().secret());
    receiver = new Receiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static ConsoleClient signedIn(AccountService.NewAccount a) {
    ConsoleClient c = new ConsoleClient(FIX.gateway().baseUrl());
    assertThat(c.signIn(a.key().secret()).status()).isEqualTo(200);
    return c;
  }

  private static String body(Object value) {
    return dev.keapgw.gateway.http.Json.MAPPER.valueToTree(value).toString();
  }

  /** Alice's keap trigger on contact.add, made through the console, and its first event delivered. */
  private record Made(
      String trigger, String destination, String secret, String event, String path) {}

  private static Made triggerWithOneDeliveredEvent(ConsoleClient a, String path) {
    TestHttp.Reply made = a.change(
        "POST",
        "/console/api/triggers",
        body(Map.of(
            "source",
            "keap",
            "event_type",
            "contact.add",
            "connection_id",
            aliceConnection,
            "name",
            "new contacts",
            "destinations",
            List.of(Map.of("url", receiver.url(path))))));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    JsonNode t = made.json().path("trigger");
    String secret = t.at("/destinations/0/signing_secret").asText();
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(20);
    TestHttp.Reply contact = FIX.as(alice.key().secret())
        .post(
            "/keap/crm/rest/v2/contacts",
            Map.of(
                "given_name",
                "Ada",
                "email_addresses",
                List.of(Map.of("email", "ada@example.com", "field", "EMAIL1"))));
    assertThat(contact.status()).as(contact.body()).isIn(200, 201);
    String trigger = t.path("trigger_id").asText();
    Receiver.await(
        Duration.ofSeconds(20), "the delivery", () -> receiver.hits(path).size() == 1);
    String[] event = new String[1];
    Receiver.await(Duration.ofSeconds(10), "the delivery recorded", () -> {
      JsonNode events = a.json("/console/api/triggers/" + trigger + "/events").path("events");
      event[0] = events.size() == 1 ? events.get(0).path("event_id").asText() : null;
      return event[0] != null && events.get(0).at("/delivery_counts/succeeded").asInt() == 1;
    });
    return new Made(
        trigger, t.at("/destinations/0/destination_id").asText(), secret, event[0], path);
  }

  @Test
  void theEventItsDeliveryAndAReplayAsTheConsoleShowsThem() {
    ConsoleClient a = signedIn(alice);
    Made m = triggerWithOneDeliveredEvent(a, "/shown");
    JsonNode listed = a.json("/console/api/triggers");
    assertThat(listed.path("triggers").findValuesAsText("trigger_id")).contains(m.trigger());
    assertThat(listed.toString())
        .as("the secret is shown once, at creation")
        .doesNotContain(m.secret());
    assertThat(listed.path("connections").findValuesAsText("connection_id"))
        .contains(aliceConnection);
    assertThat(listed.at("/event_types/gateway").toString()).contains("connection.failed");

    JsonNode e =
        a.json("/console/api/triggers/" + m.trigger() + "/events/" + m.event()).path("event");
    assertThat(e.at("/payload/event_key").asText()).isEqualTo("contact.add");
    JsonNode d = e.path("deliveries").get(0);
    assertThat(d.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(d.path("attempts").asInt()).isEqualTo(1);
    assertThat(d.path("last_response_status").asInt()).isEqualTo(200);
    assertThat(d.path("last_response_duration").isNumber()).isTrue();

    TestHttp.Reply replay = a.change(
        "POST", "/console/api/triggers/" + m.trigger() + "/events/" + m.event() + "/replay", "{}");
    assertThat(replay.status()).as(replay.body()).isEqualTo(202);
    assertThat(replay.json().at("/event/deliveries")).hasSize(2);
    Receiver.await(
        Duration.ofSeconds(20), "the replay", () -> receiver.hits(m.path()).size() == 2);
    assertThat(receiver.hits(m.path()).get(1).header("webhook-id"))
        .isEqualTo(receiver.hits(m.path()).get(0).header("webhook-id"));

    TestHttp.Reply rotated = a.change(
        "POST",
        "/console/api/triggers/" + m.trigger() + "/destinations/" + m.destination()
            + "/rotate-secret",
        "{}");
    assertThat(rotated.status()).isEqualTo(200);
    String fresh = rotated.json().path("signing_secret").asText();
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(m.secret());
    String after = a.json("/console/api/triggers").toString();
    assertThat(after).doesNotContain(fresh).contains(fresh.substring(fresh.length() - 4));

    assertThat(FIX.anonymous().get("/metrics").body())
        .contains("gateway_console_actions_total{action=\"replay\"}")
        .contains("gateway_console_actions_total{action=\"rotate_secret\"}")
        .contains("gateway_console_actions_total{action=\"trigger_create\"}");
    assertThat(a.change("DELETE", "/console/api/triggers/" + m.trigger(), null).status())
        .isEqualTo(200);
    assertThat(FIX.as(alice.key().secret()).get("/triggers/" + m.trigger()).status())
        .isEqualTo(404);
  }

  @Test
  void oneAccountNeverReachesAnothersTriggersOrEvents() {
    ConsoleClient a = signedIn(alice);
    Made m = triggerWithOneDeliveredEvent(a, "/isolated");
    ConsoleClient b = signedIn(bob);
    String bobs = b.json("/console/api/triggers").toString();
    assertThat(bobs).doesNotContain(m.trigger()).doesNotContain(aliceConnection);
    String t = "/console/api/triggers/" + m.trigger();
    assertThat(b.get(t + "/events").status()).isEqualTo(404);
    assertThat(b.get(t + "/events/" + m.event()).status()).isEqualTo(404);
    assertThat(b.change("POST", t + "/events/" + m.event() + "/replay", "{}").status())
        .isEqualTo(404);
    assertThat(b.change("POST", t + "/destinations/" + m.destination() + "/rotate-secret", "{}")
            .status())
        .isEqualTo(404);
    assertThat(b.change("PATCH", t, "{\"status\":\"DISABLED\"}").status()).isEqualTo(404);
    assertThat(b.change("DELETE", t, null).status()).isEqualTo(404);
    TestHttp.Reply onAlices = b.change(
        "POST",
        "/console/api/triggers",
        body(Map.of(
            "source", "keap", "event_type", "contact.add", "connection_id", aliceConnection)));
    assertThat(onAlices.status())
        .as("a trigger on another account's connection")
        .isEqualTo(404);

    // alice's own session, without its CSRF token or from another site: nothing replayed
    String replay = t + "/events/" + m.event() + "/replay";
    assertThat(a.change("POST", replay, "{}", Map.of("Origin", FIX.gateway().baseUrl()))
            .status())
        .isEqualTo(403);
    assertThat(a.change(
                "POST",
                replay,
                "{}",
                Map.of("Origin", "https://evil.example", "X-CSRF-Token", a.csrf))
            .status())
        .isEqualTo(403);
    assertThat(new ConsoleClient(FIX.gateway().baseUrl()).get(t + "/events").status())
        .isEqualTo(401);

    JsonNode still = FIX.as(alice.key().secret())
        .get("/triggers/" + m.trigger() + "/events/" + m.event())
        .json();
    assertThat(still.at("/event/deliveries")).as("no replay was made").hasSize(1);
    assertThat(FIX.as(alice.key().secret())
            .get("/triggers/" + m.trigger())
            .json()
            .at("/trigger/status")
            .asText())
        .isEqualTo("ENABLED");
    assertThat(a.change("DELETE", t, null).status()).isEqualTo(200);
  }
}
