package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.cli.support.Cli;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code keap triggers ...} against a real gateway in front of the sandbox: each command once,
 * its output checked against what the gateway holds afterwards.
 */
class CliTriggersTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  @Test
  void triggersDestinationsAndEventsFromTheCommandLine() {
    String key = LIVE.fixture().newAccount("cli triggers").key().secret();
    Cli cli = Cli.against(LIVE).env("MATON_API_KEY", key);
    TestHttp api = LIVE.fixture().as(key);
    Cli.Run noConnection = cli.run("triggers", "create", "--event-type", "contact.add");
    assertThat(noConnection.exit()).as(noConnection.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(noConnection.err()).contains("you have 0 ACTIVE ones").contains("--connection ID");
    String connection = ConnectFlow.connect(LIVE.fixture(), key);

    try (Receiver receiver = new Receiver()) {
      Cli.Run made = cli.run(
          "triggers",
          "create",
          "--event-type",
          "contact.add",
          "--destination",
          receiver.url("/in"),
          "--name",
          "new contacts",
          "-o",
          "json");
      assertThat(made.exit()).as(made.toString()).isZero();
      String trigger = made.json().path("trigger_id").asText();
      assertThat(made.json().path("connection_id").asText())
          .as("the only ACTIVE one")
          .isEqualTo(connection);
      assertThat(made.json().at("/destinations/0/signing_secret").asText())
          .startsWith("whsec_")
          .doesNotContain("*");
      JsonNode served = api.get("/triggers/" + trigger).json().path("trigger");
      assertThat(cli.run("triggers", "get", trigger, "-o", "json").json()).isEqualTo(served);
      assertThat(cli.run(
                  "triggers",
                  "list",
                  "--source",
                  "keap",
                  "-o",
                  "csv",
                  "--columns",
                  "trigger_id,name")
              .lines())
          .containsExactly("trigger_id,name", trigger + ",new contacts");

      Cli.Run paused = cli.run("triggers", "update", trigger, "--status", "disabled", "-o", "json");
      assertThat(paused.json().path("status").asText()).isEqualTo("DISABLED");
      assertThat(api.get("/triggers/" + trigger).json().at("/trigger/status").asText())
          .isEqualTo("DISABLED");
      assertThat(cli.run(
                  "triggers",
                  "update",
                  trigger,
                  "--data",
                  "{\"status\":\"ENABLED\",\"name\":\"again\"}",
                  "-o",
                  "json")
              .json()
              .path("name")
              .asText())
          .isEqualTo("again");
      assertThat(cli.run("triggers", "update", trigger).exit()).isEqualTo(ExitCodes.USAGE);

      Cli.Run added = cli.run(
          "triggers",
          "destinations",
          "add",
          "--trigger",
          trigger,
          "--url",
          receiver.url("/two"),
          "--method",
          "put",
          "-o",
          "json");
      assertThat(added.exit()).as(added.toString()).isZero();
      String destination = added.json().path("destination_id").asText();
      assertThat(api.get("/triggers/" + trigger + "/destinations/" + destination)
              .json()
              .at("/destination/method")
              .asText())
          .isEqualTo("PUT");
      assertThat(cli.run("triggers", "destinations", "list", "-t", trigger, "-o", "jsonl")
              .lines())
          .hasSize(2);
      assertThat(cli.run(
                  "triggers",
                  "destinations",
                  "update",
                  "-t",
                  trigger,
                  destination,
                  "--name",
                  "second",
                  "-o",
                  "json")
              .json()
              .path("name")
              .asText())
          .isEqualTo("second");
      String rotated = cli.run(
              "triggers", "destinations", "rotate-secret", "-t", trigger, destination, "-o", "json")
          .json()
          .path("signing_secret")
          .asText();
      assertThat(
              cli.run("triggers", "destinations", "get", "-t", trigger, destination, "-o", "json")
                  .json()
                  .path("signing_secret")
                  .asText())
          .endsWith(rotated.substring(rotated.length() - 4));
      assertThat(cli.run("triggers", "destinations", "delete", "-t", trigger, destination)
              .exit())
          .isZero();
      assertThat(api.get("/triggers/" + trigger + "/destinations").json().path("destinations"))
          .hasSize(1);

      assertThat(api.post(
                  "/keap/crm/rest/v2/contacts",
                  Map.of(
                      "given_name",
                      "Ivy",
                      "email_addresses",
                      List.of(Map.of("email", "ivy@example.com", "field", "EMAIL1"))))
              .status())
          .isIn(200, 201);
      Receiver.await(
          Duration.ofSeconds(30), "the delivery", () -> !receiver.hits("/in").isEmpty());
      Cli.Run events = cli.run("triggers", "events", "list", "-t", trigger, "-o", "jsonl");
      assertThat(events.lines()).hasSize(1);
      String event = events.json().path("event_id").asText();
      assertThat(receiver.hits("/in").get(0).header("webhook-id")).isEqualTo(event);
      Cli.Run replayed =
          cli.run("triggers", "events", "replay", "-t", trigger, event, "-o", "json");
      assertThat(replayed.json().path("deliveries").findValuesAsText("replay")).contains("true");
      Receiver.await(
          Duration.ofSeconds(30), "the replay", () -> receiver.hits("/in").size() == 2);
      assertThat(cli.run("triggers", "events", "get", "-t", trigger, event, "-o", "json")
              .json()
              .path("deliveries"))
          .hasSize(2);

      assertThat(cli.run("triggers", "delete", trigger, "-o", "json")
              .json()
              .path("trigger_id")
              .asText())
          .isEqualTo(trigger);
      assertThat(cli.run("triggers", "get", trigger).exit()).isEqualTo(ExitCodes.NOT_FOUND);
    }
  }
}
