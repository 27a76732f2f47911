package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Keap subscription made Inactive while the gateway was away is verified again when it comes
 * back: the gateway stops, a contact is created at Keap (the sandbox) with the connection's
 * token, Keap's four attempts to deliver it fail (nothing listens) and it marks the hook
 * Inactive; the gateway starts again, its subscription keeper verifies the hook at once (the
 * handshake answered), and the next contact reaches the receiver.
 */
class InactiveSubscriptionTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withHookDelay(Duration.ofMillis(20)), g -> g.withAllowPrivateDestinations(true));

  static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void aHookKeapMadeInactiveIsVerifiedAgainAndDeliversAgain() {
    AccountService.NewAccount a = FIX.newAccount("inactive");
    String connection = DirectConnections.activate(FIX, a.account().id());
    try (Receiver receiver = new Receiver()) {
      TestHttp.Reply made = FIX.as(a.key().secret())
          .post(
              "/triggers",
              TriggerRequests.keap(connection, "contact.add", receiver.url("/contacts")));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      Connection c = FIX.gateway().services().connectionRepo().byId(connection).orElseThrow();
      String token = FIX.gateway()
          .services()
          .secrets()
          .open(c.accessTokenSealed(), SecretBox.connectionColumn(connection, "access"));
      TestHttp keap = TestHttp.bearer(FIX.sandbox().baseUrl(), token);
      assertThat(hookStatus(keap)).isEqualTo("Verified");

      FIX.stopGateway();
      contact(keap, "/crm/rest/v2/contacts", "Lost");
      Receiver.await(WAIT, "Keap giving up on the hook", () -> hookStatus(keap).equals("Inactive"));
      assertThat(FIX.sandboxControl()
              .get("/_sandbox/rest-hooks")
              .json()
              .path("failed_attempts")
              .asInt())
          .isEqualTo(4);

      FIX.startGateway(g -> g);
      Receiver.await(WAIT, "the hook verified again", () -> hookStatus(keap).equals("Verified"));
      String found = contact(FIX.as(a.key().secret()), "/keap/crm/rest/v2/contacts", "Found");
      Receiver.await(WAIT, "the next contact delivered", () -> !receiver.hits().isEmpty());
      JsonNode body = receiver.hits().get(0).json();
      assertThat(body.at("/payload/object_keys").findValuesAsText("id")).containsExactly(found);
    }
  }

  private static String hookStatus(TestHttp keap) {
    JsonNode hooks = keap.get("/crm/rest/v1/hooks").json();
    assertThat(hooks).hasSize(1);
    return hooks.get(0).path("status").asText();
  }

  private static String contact(TestHttp api, String path, String name) {
    TestHttp.Reply r = api.post(
        path,
        Map.of(
            "given_name",
            name,
            "email_addresses",
            List.of(Map.of("email", name.toLowerCase() + "@example.com", "field", "EMAIL1"))));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return r.json().path("id").asText();
  }
}
