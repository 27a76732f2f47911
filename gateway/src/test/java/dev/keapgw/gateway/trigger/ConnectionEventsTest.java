package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway source end to end: a connection made after the triggers (covered by triggers
 * without a connection_id) becomes ACTIVE, its grant is revoked at the sandbox so the next
 * request marks it FAILED, and the owner reconnects through the url the event carried; each
 * change reaches a loopback receiver within seconds, signed so that a verifier written from the
 * Standard Webhooks specification accepts it; deleting the connection is announced too.
 */
class ConnectionEventsTest {
  @RegisterExtension
  static final GatewayFixture FIX =
      new GatewayFixture(s -> s, g -> g.withAllowPrivateDestinations(true));

  static final Receiver RECEIVER = new Receiver();
  static final Duration SOON = Duration.ofSeconds(15);

  @AfterAll
  static void stop() {
    RECEIVER.close();
  }

  @Test
  void failingRecoveringAndDeletedConnectionsReachTheReceiverSigned() {
    AccountService.NewAccount a = FIX.newAccount("lifecycle");
    TestHttp api = FIX.as(a.key().secret());
    Map<String, String> secrets = new java.util.HashMap<>();
    for (String type : List.of(
        "connection.active", "connection.failed", "connection.recovered", "connection.deleted")) {
      TestHttp.Reply r = api.post(
          "/triggers",
          Map.of(
              "source",
              "gateway",
              "event_type",
              type,
              "destinations",
              List.of(Map.of("url", RECEIVER.url("/" + type)))));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      secrets.put(type, r.json().at("/trigger/destinations/0/signing_secret").asText());
    }

    String connectionId = DirectConnections.activate(FIX, a.account().id());
    JsonNode active = awaitOne("/connection.active", secrets);
    assertThat(active.path("source").asText()).isEqualTo("gateway");
    assertThat(active.path("event_type").asText()).isEqualTo("connection.active");
    assertThat(active.at("/payload/connection_id").asText()).isEqualTo(connectionId);
    assertThat(active.at("/payload/status").asText()).isEqualTo("ACTIVE");

    FIX.sandboxControl().post("/_sandbox/tenants/" + Sandbox.tenantId(1) + "/tokens:revoke", "{}");
    assertThat(api.get("/keap/crm/rest/v2/oauth/connect/userinfo").status()).isEqualTo(424);
    JsonNode failed = awaitOne("/connection.failed", secrets);
    assertThat(failed.at("/payload/connection_id").asText()).isEqualTo(connectionId);
    assertThat(failed.at("/payload/status").asText()).isEqualTo("FAILED");
    assertThat(failed.at("/payload/reason").asText()).isNotBlank();
    String reconnect = failed.at("/payload/reconnect_url").asText();
    assertThat(reconnect).startsWith(FIX.gateway().baseUrl() + "/connect?session_token=");

    ConnectFlow.Steps steps = ConnectFlow.open(reconnect);
    assertThat(steps.callback().status()).isEqualTo(200);
    JsonNode recovered = awaitOne("/connection.recovered", secrets);
    assertThat(recovered.at("/payload/connection_id").asText()).isEqualTo(connectionId);
    assertThat(recovered.at("/payload/status").asText()).isEqualTo("ACTIVE");
    Receiver.await(
        SOON,
        "a second connection.active",
        () -> RECEIVER.hits("/connection.active").size() == 2);

    assertThat(api.delete("/connections/" + connectionId).status()).isEqualTo(200);
    JsonNode deleted = awaitOne("/connection.deleted", secrets);
    assertThat(deleted.at("/payload/connection_id").asText()).isEqualTo(connectionId);
    assertThat(deleted.at("/payload/status").asText()).isEqualTo("DELETED");

    // the events are in each trigger's log, each delivered once
    String failedTrigger = failed.path("trigger_id").asText();
    JsonNode events = api.get("/triggers/" + failedTrigger + "/events").json().path("events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("event_id").asText())
        .isEqualTo(failed.path("event_id").asText());
    assertThat(events.get(0).at("/delivery_counts/total").asInt()).isEqualTo(1);
    assertThat(events.get(0).at("/delivery_counts/succeeded").asInt()).isEqualTo(1);
    JsonNode event = api.get(
            "/triggers/" + failedTrigger + "/events/" + failed.path("event_id").asText())
        .json()
        .path("event");
    assertThat(event.at("/deliveries/0/status").asText()).isEqualTo("SUCCEEDED");
    assertThat(event.at("/deliveries/0/attempts").asInt()).isEqualTo(1);
    assertThat(event.at("/deliveries/0/last_response_status").asInt()).isEqualTo(200);
    assertThat(event.at("/deliveries/0/finished_at").asText()).isNotEmpty();

    String metrics = FIX.anonymous().get("/metrics").body();
    assertThat(metrics).contains("triggers_events_received_total{source=\"gateway\"}");
    assertThat(metrics)
        .containsPattern("triggers_delivery_attempts_total\\{result=\"delivered\"} [1-9]");
    assertThat(metrics).contains("triggers_outbox_depth");
  }

  /** Waits for the path's first hit, checks its signature independently, answers its body. */
  private static JsonNode awaitOne(String path, Map<String, String> secrets) {
    Receiver.await(SOON, "a delivery to " + path, () -> !RECEIVER.hits(path).isEmpty());
    Receiver.Hit hit = RECEIVER.hits(path).get(RECEIVER.hits(path).size() - 1);
    String secret = secrets.get(path.substring(1));
    assertThat(WebhookVerifier.verify(
            secret,
            hit.header("webhook-id"),
            hit.header("webhook-timestamp"),
            hit.header("webhook-signature"),
            hit.body(),
            Instant.now()))
        .as("signature of " + path)
        .isTrue();
    byte[] tampered = hit.text()
        .replace("connection", "Connection")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(WebhookVerifier.verify(
            secret,
            hit.header("webhook-id"),
            hit.header("webhook-timestamp"),
            hit.header("webhook-signature"),
            tampered,
            Instant.now()))
        .isFalse();
    JsonNode body = hit.json();
    assertThat(hit.header("webhook-id")).isEqualTo(body.path("event_id").asText());
    assertThat(hit.header("content-type")).isEqualTo("application/json");
    return body;
  }
}
