package dev.keapgw.gateway.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Expiry of connect links and OAuth states, on a clock the test moves. */
class ConnectExpiryTest {
  static final MutableClock CLOCK = new MutableClock(java.time.Instant.now());

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> g.withClock(CLOCK));

  @Test
  void anExpiredLinkGetsThePageAndTheConnectionShowsAFreshOne() {
    String key = FIX.newAccount("Slow").key().secret();
    JsonNode created = ConnectFlow.create(FIX, key);
    String id = created.path("connection_id").asText();
    String url = created.path("url").asText();

    CLOCK.advance(Duration.ofMinutes(31));
    TestHttp.Reply expired = ConnectFlow.get(url);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("expired or was already used");

    JsonNode now = FIX.as(key).get("/connections/" + id).json().path("connection");
    assertThat(now.path("status").asText()).isEqualTo("PENDING");
    assertThat(now.path("url").asText()).isNotEqualTo(url);
    // a new link is not a change of the connection
    assertThat(now.path("last_updated_time").asText())
        .isEqualTo(created.path("last_updated_time").asText());
    assertThat(ConnectFlow.open(now.path("url").asText()).callback().status()).isEqualTo(200);
  }

  @Test
  void aLinkNearItsExpiryIsReplacedAndALinkWithTimeLeftIsKept() {
    String key = FIX.newAccount("Steady").key().secret();
    JsonNode created = ConnectFlow.create(FIX, key);
    String id = created.path("connection_id").asText();
    String url = created.path("url").asText();

    CLOCK.advance(Duration.ofMinutes(15));
    assertThat(
            FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText())
        .isEqualTo(url);
    CLOCK.advance(Duration.ofMinutes(10));
    String renewed =
        FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText();
    assertThat(renewed).isNotEqualTo(url);
    assertThat(FIX.as(key).get("/connections").json().at("/connections/0/url").asText())
        .isEqualTo(renewed);
    CLOCK.advance(Duration.ofMinutes(29));
    assertThat(ConnectFlow.get(renewed).status()).isEqualTo(302);
  }

  @Test
  void anExpiredStateIsRefusedAndLeavesTheConnectionPending() {
    String key = FIX.newAccount("Dawdler").key().secret();
    JsonNode created = ConnectFlow.create(FIX, key);
    TestHttp.Reply connect = ConnectFlow.get(created.path("url").asText());
    assertThat(connect.status()).isEqualTo(302);
    TestHttp.Reply authorize = ConnectFlow.get(connect.header("Location"));
    assertThat(authorize.status()).isEqualTo(302);

    CLOCK.advance(Duration.ofMinutes(31));
    TestHttp.Reply callback = ConnectFlow.get(authorize.header("Location"));
    assertThat(callback.status()).isEqualTo(400);
    assertThat(callback.body()).contains("expired");
    JsonNode c = FIX.as(key)
        .get("/connections/" + created.path("connection_id").asText())
        .json()
        .path("connection");
    assertThat(c.path("status").asText()).isEqualTo("PENDING");
  }
}
