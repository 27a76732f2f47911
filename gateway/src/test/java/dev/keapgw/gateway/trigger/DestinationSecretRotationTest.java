package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.sandbox.TestHttp;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rotating the encryption key covers the destinations' signing secrets: after
 * {@code POST /admin/encryption/reencrypt} under a new primary key and a restart with the old
 * key dropped, a delivery still carries a signature that verifies with the secret shown when
 * the destination was made.
 */
class DestinationSecretRotationTest {
  @RegisterExtension
  static final GatewayFixture FIX =
      new GatewayFixture(s -> s, g -> g.withAllowPrivateDestinations(true));

  @Test
  void deliveriesStillVerifyAfterTheOldKeyIsDropped() {
    AccountService.NewAccount a = FIX.newAccount("rotating");
    try (Receiver receiver = new Receiver()) {
      TestHttp.Reply made = FIX.as(a.key().secret())
          .post(
              "/triggers",
              Map.of(
                  "source",
                  "gateway",
                  "event_type",
                  "connection.active",
                  "destinations",
                  List.of(Map.of("url", receiver.url("/rotated")))));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      JsonNode t = made.json().path("trigger");
      String triggerId = t.path("trigger_id").asText();
      String destinationPath = "/triggers/" + triggerId + "/destinations/"
          + t.at("/destinations/0/destination_id").asText();
      String secret = t.at("/destinations/0/signing_secret").asText();

      String oldKey = Base64.getEncoder().encodeToString(FIX.config().keys().primary());
      String newKey = newKey();
      FIX.restart(c -> c.withKeys(EncryptionKeys.of(newKey, List.of(oldKey))));
      TestHttp.Reply rotated = FIX.admin().post("/admin/encryption/reencrypt", Map.of());
      assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
      assertThat(rotated.json().path("reencrypted").asInt()).as(rotated.body()).isEqualTo(1);
      assertThat(rotated.json().path("complete").asBoolean()).isTrue();

      FIX.restart(c -> c.withKeys(EncryptionKeys.single(newKey)));
      TestHttp api = FIX.as(a.key().secret());
      assertThat(
              api.get(destinationPath).json().at("/destination/signing_secret").asText())
          .as("the masked secret still opens")
          .endsWith(secret.substring(secret.length() - 4));
      DirectConnections.activate(FIX, a.account().id());
      Receiver.await(
          Duration.ofSeconds(15), "the delivery", () -> !receiver.hits().isEmpty());
      Receiver.Hit hit = receiver.hits().get(0);
      assertThat(WebhookVerifier.verify(
              secret,
              hit.header("webhook-id"),
              hit.header("webhook-timestamp"),
              hit.header("webhook-signature"),
              hit.body(),
              Instant.now()))
          .isTrue();
      assertThat(hit.json().path("trigger_id").asText()).isEqualTo(triggerId);
    }
  }

  private static String newKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }
}
