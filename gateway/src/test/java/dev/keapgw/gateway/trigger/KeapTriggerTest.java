package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The keap source end to end with the sandbox's REST hooks: a trigger on contact.add answers
 * 201 once Keap's subscription is Verified (the gateway answered the X-Hook-Secret handshake);
 * a contact created through the gateway reaches a loopback receiver within seconds, signed;
 * a second trigger on the same connection and key shares the subscription; deleting the last
 * trigger removes it at Keap, and Keap's deliveries to the old URL are then refused (410).
 */
class KeapTriggerTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withHookDelay(Duration.ofMillis(20)), g -> g.withAllowPrivateDestinations(true));

  @Test
  void aContactCreatedThroughTheGatewayReachesTheReceiverSigned() {
    AccountService.NewAccount a = FIX.newAccount("keap-source");
    TestHttp api = FIX.as(a.key().secret());
    String connection = DirectConnections.activate(FIX, a.account().id());
    try (Receiver receiver = new Receiver()) {
      TestHttp.Reply made = api.post(
          "/triggers", TriggerRequests.keap(connection, "contact.add", receiver.url("/contacts")));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      JsonNode t = made.json().path("trigger");
      String secret = t.at("/destinations/0/signing_secret").asText();
      JsonNode hooks = api.get("/keap/crm/rest/v1/hooks").json();
      assertThat(hooks).hasSize(1);
      assertThat(hooks.get(0).path("status").asText()).isEqualTo("Verified");
      assertThat(hooks.get(0).path("hookUrl").asText())
          .startsWith(FIX.gateway().baseUrl() + "/hooks/keap/");

      TestHttp.Reply second = api.post(
          "/triggers",
          Map.of("source", "keap", "event_type", "contact.add", "connection_id", connection));
      assertThat(second.status()).as(second.body()).isEqualTo(201);
      assertThat(api.get("/keap/crm/rest/v1/hooks").json())
          .as("one subscription shared")
          .hasSize(1);

      TestHttp.Reply contact = api.post(
          "/keap/crm/rest/v2/contacts",
          Map.of(
              "given_name",
              "Ada",
              "email_addresses",
              List.of(Map.of("email", "ada@example.com", "field", "EMAIL1"))));
      assertThat(contact.status()).as(contact.body()).isIn(200, 201);
      String contactId = contact.json().path("id").asText();
      Receiver.await(
          Duration.ofSeconds(20),
          "the contact.add delivery",
          () -> !receiver.hits().isEmpty());
      Receiver.Hit hit = receiver.hits().get(0);
      assertThat(WebhookVerifier.verify(
              secret,
              hit.header("webhook-id"),
              hit.header("webhook-timestamp"),
              hit.header("webhook-signature"),
              hit.body(),
              Instant.now()))
          .isTrue();
      JsonNode body = hit.json();
      assertThat(body.path("source").asText()).isEqualTo("keap");
      assertThat(body.path("event_type").asText()).isEqualTo("contact.add");
      assertThat(body.at("/payload/event_key").asText()).isEqualTo("contact.add");
      assertThat(body.at("/payload/connection_id").asText()).isEqualTo(connection);
      assertThat(body.at("/payload/object_keys").findValuesAsText("id")).contains(contactId);

      String hookUrl =
          api.get("/keap/crm/rest/v1/hooks").json().get(0).path("hookUrl").asText();
      assertThat(
              api.delete("/triggers/" + second.json().at("/trigger/trigger_id").asText())
                  .status())
          .isEqualTo(200);
      assertThat(api.get("/keap/crm/rest/v1/hooks").json())
          .as("still used by the first")
          .hasSize(1);
      assertThat(api.delete("/triggers/" + t.path("trigger_id").asText()).status())
          .isEqualTo(200);
      assertThat(api.get("/keap/crm/rest/v1/hooks").json())
          .as("removed with the last trigger")
          .isEmpty();
      TestHttp.Reply late = new TestHttp("", Map.of())
          .send(
              "POST",
              hookUrl,
              "application/json",
              "{\"event_key\":\"contact.add\",\"object_type\":\"contact\",\"object_keys\":[]}");
      assertThat(late.status()).isEqualTo(410);
    }
  }

  @Test
  void anEventKeyKeapDoesNotOfferIsA400AndNothingIsSubscribed() {
    AccountService.NewAccount a = FIX.newAccount("keap-bad-key");
    TestHttp api = FIX.as(a.key().secret());
    String connection = DirectConnections.activate(FIX, a.account().id());
    TestHttp.Reply r = api.post(
        "/triggers",
        Map.of("source", "keap", "event_type", "contact.teleported", "connection_id", connection));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/error/field").asText()).isEqualTo("event_type");
    assertThat(r.json().at("/error/message").asText()).contains("contact.add");
    assertThat(api.get("/keap/crm/rest/v1/hooks").json()).isEmpty();
  }
}
