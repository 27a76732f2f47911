package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.FreePort;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.gateway.trigger.TriggerRequests;
import dev.keapgw.gateway.trigger.WebhookVerifier;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a gateway process holding events Keap was told it has (the hook delivery
 * answered 200) that the user's receiver has not taken yet: one refused by the receiver and
 * waiting for its retry, one waiting behind it in the destination's order, never attempted.
 * Restarted on the same data directory, the gateway delivers both, in order, with the same
 * event ids and signatures that verify: nothing acknowledged to Keap is lost.
 */
@Tag("slow")
class TriggerCrashTest {
  static final String ADMIN = "trigger-crash-admin-token-0123456789abcdef";
  static final String CLIENT_ID = "trigger-crash-client";
  static final String CLIENT_SECRET = "trigger-crash-secret";
  static final Duration WAIT = Duration.ofSeconds(30);
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  @Test
  void eventsAcknowledgedToKeapReachTheReceiverAfterAKill() throws Exception {
    int port = FreePort.find();
    Sandbox sandbox = Sandbox.start(SandboxConfig.defaults()
        .withPort(0)
        .withAutoApprove(true)
        .withQuotas(SandboxConfig.QuotaLimits.keap().withEnforced(false))
        .withHookDelay(Duration.ofMillis(20))
        .withClient(
            CLIENT_ID, CLIENT_SECRET, List.of("http://127.0.0.1:" + port + "/oauth/callback")));
    open.add(sandbox);
    Receiver receiver = new Receiver();
    open.add(receiver);
    Path dataDir = Files.createTempDirectory("keapgw-trigger-crash");
    Path logs = Files.createTempDirectory("keapgw-trigger-crash-logs");
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    List<String> args = List.of(
        "data-dir=" + dataDir,
        "upstream=" + sandbox.baseUrl(),
        "authorize=" + sandbox.baseUrl() + "/app/oauth/authorize",
        "token=" + sandbox.baseUrl() + "/token",
        "client-id=" + CLIENT_ID,
        "client-secret=" + CLIENT_SECRET,
        "key=" + Base64.getEncoder().encodeToString(raw),
        "admin-token=" + ADMIN,
        "allow-private-destinations=true");

    GatewayProcess first = GatewayProcess.start(logs.resolve("first.log"), port, args);
    open.add(first);
    String key = TestHttp.bearer(first.baseUrl(), ADMIN)
        .post("/admin/accounts", Map.of("name", "crash"))
        .json()
        .path("api_key")
        .asText();
    TestHttp api = TestHttp.bearer(first.baseUrl(), key);
    JsonNode c = api.post("/connections", Map.of("app", "keap")).json().path("connection");
    assertThat(ConnectFlow.open(c.path("url").asText()).callback().status()).isEqualTo(200);
    receiver.answer(503);
    TestHttp.Reply made = api.post(
        "/triggers",
        TriggerRequests.keap(
            c.path("connection_id").asText(), "contact.add", receiver.url("/crm")));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String triggerId = made.json().at("/trigger/trigger_id").asText();
    String secret = made.json().at("/trigger/destinations/0/signing_secret").asText();

    String ada = contact(api, "Ada");
    Receiver.await(WAIT, "the first attempt, refused", () -> receiver.hits().size() == 1);
    Receiver.await(
        WAIT,
        "the refusal recorded",
        () -> events(api, triggerId).size() == 1
            && delivery(api, triggerId, events(api, triggerId).get(0))
                    .path("last_response_status")
                    .asInt()
                == 503);
    String grace = contact(api, "Grace");
    Receiver.await(
        WAIT,
        "Keap's second delivery acknowledged",
        () -> events(api, triggerId).size() == 2 && hooksDelivered(sandbox) == 2);
    List<String> ids = events(api, triggerId).reversed();
    assertThat(delivery(api, triggerId, ids.get(1)).path("attempts").asInt())
        .as("waiting behind the first")
        .isZero();
    first.kill();
    assertThat(receiver.hits()).hasSize(1);

    GatewayProcess second = GatewayProcess.start(logs.resolve("second.log"), port, args);
    open.add(second);
    Receiver.await(WAIT, "both events after the restart", () -> receiver.hits().size() >= 3);
    List<Receiver.Hit> hits = receiver.hits();
    assertThat(hits).hasSize(3);
    assertThat(hits.stream().map(h -> h.header("webhook-id")).toList())
        .containsExactly(ids.get(0), ids.get(0), ids.get(1));
    for (Receiver.Hit h : hits.subList(1, 3)) {
      assertThat(WebhookVerifier.verify(
              secret,
              h.header("webhook-id"),
              h.header("webhook-timestamp"),
              h.header("webhook-signature"),
              h.body(),
              Instant.now()))
          .isTrue();
    }
    assertThat(hits.get(1).json().at("/payload/object_keys").findValuesAsText("id"))
        .containsExactly(ada);
    assertThat(hits.get(2).json().at("/payload/object_keys").findValuesAsText("id"))
        .containsExactly(grace);
    TestHttp after = TestHttp.bearer(second.baseUrl(), key);
    Receiver.await(
        WAIT,
        "both recorded as delivered",
        () -> ids.stream()
            .allMatch(
                id -> delivery(after, triggerId, id).path("status").asText().equals("SUCCEEDED")));
  }

  private static String contact(TestHttp api, String name) {
    TestHttp.Reply r = api.post(
        "/keap/crm/rest/v2/contacts",
        Map.of(
            "given_name",
            name,
            "email_addresses",
            List.of(Map.of("email", name.toLowerCase() + "@example.com", "field", "EMAIL1"))));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return r.json().path("id").asText();
  }

  private static List<String> events(TestHttp api, String triggerId) {
    return api.get("/triggers/" + triggerId + "/events")
        .json()
        .path("events")
        .findValuesAsText("event_id");
  }

  private static JsonNode delivery(TestHttp api, String triggerId, String eventId) {
    return api.get("/triggers/" + triggerId + "/events/" + eventId)
        .json()
        .at("/event/deliveries/0");
  }

  private static long hooksDelivered(Sandbox sandbox) {
    return new TestHttp(sandbox.baseUrl(), Map.of())
        .get("/_sandbox/rest-hooks")
        .json()
        .path("delivered")
        .asLong();
  }
}
