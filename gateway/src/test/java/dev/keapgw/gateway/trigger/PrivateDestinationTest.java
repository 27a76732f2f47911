package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Outside the demo (no --allow-private-destinations) a destination may not reach loopback,
 * private, link-local or metadata addresses: written as an address it is refused when saved;
 * as a name that resolves to one ({@code localhost}) it is refused at delivery, after DNS, and
 * nothing reaches the receiver listening there.
 */
class PrivateDestinationTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @Test
  void privateAddressesAreRefusedWhenSavedAndNamesResolvingToThemAtDelivery() {
    AccountService.NewAccount a = FIX.newAccount("ssrf");
    TestHttp api = FIX.as(a.key().secret());
    for (String url : List.of(
        "http://127.0.0.1:9/x",
        "http://169.254.169.254/latest/meta-data",
        "http://10.1.2.3/",
        "http://[::1]:8080/",
        "http://192.168.0.10/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/")) {
      TestHttp.Reply r = api.post(
          "/triggers",
          Map.of(
              "source",
              "gateway",
              "event_type",
              "connection.active",
              "destinations",
              List.of(Map.of("url", url))));
      assertThat(r.status()).as(url + " " + r.body()).isEqualTo(400);
      assertThat(r.json().at("/error/field").asText()).isEqualTo("destinations[0].url");
      assertThat(r.json().at("/error/message").asText()).contains("allow-private-destinations");
    }
    try (Receiver receiver = new Receiver()) {
      TestHttp.Reply made = api.post(
          "/triggers",
          Map.of(
              "source",
              "gateway",
              "event_type",
              "connection.active",
              "destinations",
              List.of(Map.of("url", receiver.url("localhost", "/hook")))));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      String trigger = made.json().at("/trigger/trigger_id").asText();
      DirectConnections.activate(FIX, a.account().id());
      Receiver.await(Duration.ofSeconds(15), "the refused attempt recorded", () -> {
        JsonNode events = api.get("/triggers/" + trigger + "/events").json().path("events");
        return events.size() == 1
            && api.get("/triggers/" + trigger + "/events/"
                        + events.get(0).path("event_id").asText())
                    .json()
                    .at("/event/deliveries/0/attempts")
                    .asInt()
                >= 1;
      });
      String event = api.get("/triggers/" + trigger + "/events")
          .json()
          .at("/events/0/event_id")
          .asText();
      JsonNode d =
          api.get("/triggers/" + trigger + "/events/" + event).json().at("/event/deliveries/0");
      assertThat(d.path("last_error_message").asText())
          .contains("refused")
          .contains("localhost")
          .contains("allow-private-destinations");
      assertThat(d.path("last_response_status").isNull()).isTrue();
      assertThat(receiver.hits()).isEmpty();
    }
  }
}
