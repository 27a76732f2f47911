package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.cli.support.Cli;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.sandbox.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code keap triggers events watch} end to end: a trigger on contact.add made with {@code keap
 * triggers create}, contacts created through the gateway so that the sandbox's REST hooks fire,
 * and a real handler script that appends what it was given to a file. Watches are stopped and
 * started again between events; the handler must get every event once, in order, and a failing
 * handler must stop the watch with its status and get the same event again next time.
 */
class CliTriggersWatchTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static final ObjectMapper JSON = new ObjectMapper();

  private String key;
  private TestHttp api;
  private Cli cli;
  private Path dir;
  private Path handled;
  private final List<String> contactIds = new ArrayList<>();

  @BeforeEach
  void account() throws IOException {
    key = LIVE.fixture().newAccount("cli watch").key().secret();
    ConnectFlow.connect(LIVE.fixture(), key);
    api = LIVE.fixture().as(key);
    cli = Cli.against(LIVE).env("MATON_API_KEY", key);
    dir = Files.createTempDirectory("keap-watch");
    handled = dir.resolve("handled.txt");
  }

  @Test
  void aRestartedWatchHandsEveryEventOnceAndInOrder() throws IOException {
    Path handler = script(
        "handler.sh",
        "printf '%s ' \"$KEAP_EVENT_ID\" >> " + handled + "\n" + "tr -d '\\n' >> " + handled
            + "\necho >> " + handled + "\n");
    String trigger = createTrigger();
    Path checkpoint = dir.resolve("checkpoint.json");
    String[] watch = {
      "triggers",
      "events",
      "watch",
      "--trigger",
      trigger,
      "--exec",
      handler.toString(),
      "--checkpoint",
      checkpoint.toString(),
      "--once"
    };

    Cli.Run first = cli.run(watch);
    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(handled).doesNotExist();
    assertThat(checkpoint).as("a first watch keeps its place").exists();

    contact("Ann");
    contact("Bob");
    Cli.Run second = cli.run(watch);
    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(handledContacts()).containsExactly(contactIds.get(0), contactIds.get(1));

    contact("Cid");
    contact("Dee");
    contact("Eve");
    String[] oneOnly = append(watch, "--max-events", "1");
    oneOnly =
        java.util.Arrays.stream(oneOnly).filter(a -> !a.equals("--once")).toArray(String[]::new);
    assertThat(cli.run(oneOnly).exit()).isZero();
    assertThat(handledContacts()).containsExactly(contactIds.subList(0, 3).toArray(String[]::new));
    assertThat(cli.run(watch).exit()).isZero();
    assertThat(cli.run(watch).exit()).as("nothing new").isZero();

    assertThat(handledContacts())
        .as("each event once, oldest first")
        .containsExactlyElementsOf(contactIds);
    List<String> lines = Files.readAllLines(handled);
    JsonNode listed =
        api.get("/triggers/" + trigger + "/events?limit=100").json().path("events");
    List<String> eventIds = new ArrayList<>();
    listed.forEach(e -> eventIds.add(0, e.path("event_id").asText()));
    assertThat(lines)
        .extracting(l -> l.substring(0, l.indexOf(' ')))
        .as("KEAP_EVENT_ID")
        .containsExactlyElementsOf(eventIds);
    JsonNode body = JSON.readTree(lines.get(0).substring(lines.get(0).indexOf(' ') + 1));
    assertThat(body.path("event_id").asText()).isEqualTo(eventIds.get(0));
    assertThat(body.path("trigger_id").asText()).isEqualTo(trigger);
    assertThat(body.path("event_type").asText()).isEqualTo("contact.add");
    assertThat(body.path("source").asText()).isEqualTo("keap");
    assertThat(body.at("/payload/event_key").asText()).isEqualTo("contact.add");
  }

  @Test
  void aFailingHandlerStopsTheWatchWithItsStatusAndGetsTheEventAgain() throws IOException {
    Path failing =
        script("failing.sh", "cat > /dev/null\necho 'cannot reach the CRM mirror' >&2\nexit 3\n");
    Path handler = script("handler.sh", "printf '%s\\n' \"$KEAP_EVENT_ID\" >> " + handled + "\n");
    String trigger = createTrigger();
    Path checkpoint = dir.resolve("checkpoint.json");
    contact("Fay");
    Cli.Run failed = cli.run(
        "triggers",
        "events",
        "watch",
        "--trigger",
        trigger,
        "--exec",
        failing.toString(),
        "--checkpoint",
        checkpoint.toString(),
        "--once",
        "--from-start");
    assertThat(failed.exit()).as(failed.toString()).isEqualTo(3);
    assertThat(failed.err())
        .contains("cannot reach the CRM mirror")
        .contains("the handler exited 3 on event");

    Cli.Run retried = cli.run(
        "triggers",
        "events",
        "watch",
        "--trigger",
        trigger,
        "--exec",
        handler.toString(),
        "--checkpoint",
        checkpoint.toString(),
        "--once");
    assertThat(retried.exit()).as(retried.toString()).isZero();
    String eventId = api.get("/triggers/" + trigger + "/events")
        .json()
        .at("/events/0/event_id")
        .asText();
    assertThat(Files.readAllLines(handled)).containsExactly(eventId);
    assertThat(cli.run(
                "triggers",
                "events",
                "watch",
                "--trigger",
                trigger,
                "--exec",
                handler.toString(),
                "--checkpoint",
                checkpoint.toString(),
                "--once")
            .exit())
        .isZero();
    assertThat(Files.readAllLines(handled)).as("not twice").containsExactly(eventId);
  }

  @Test
  void aWatchWaitsForTheNextEventAtItsDefaultCheckpoint() throws IOException {
    Path handler = script("handler.sh", "printf '%s\\n' \"$KEAP_EVENT_ID\" >> " + handled + "\n");
    String trigger = createTrigger();
    // the contact is made while the watch waits between two looks, as it would be in life
    FakeTime time = new FakeTime().onSleep(n -> {
      if (n == 1) {
        contact("Gus");
      }
    });
    Cli.Run r = cli.time(time)
        .run(
            "triggers",
            "events",
            "watch",
            "--trigger",
            trigger,
            "--exec",
            handler.toString(),
            "--max-events",
            "1",
            "--poll-every",
            "3s");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(Files.readAllLines(handled)).hasSize(1);
    assertThat(cli.home().resolve(".local/state/keap/watch/" + trigger + ".json"))
        .exists();
  }

  /** A trigger with no destination: the watch is how its events are taken. */
  private String createTrigger() {
    Cli.Run made = cli.run(
        "triggers", "create", "--event-type", "contact.add", "--name", "watched", "-o", "json");
    assertThat(made.exit()).as(made.toString()).isZero();
    return made.json().path("trigger_id").asText();
  }

  /** Creates a contact through the gateway and waits until its contact.add event is in the trigger's log. */
  private void contact(String name) {
    TestHttp.Reply c = api.post(
        "/keap/crm/rest/v2/contacts",
        Map.of(
            "given_name",
            name,
            "email_addresses",
            List.of(Map.of(
                "email",
                name.toLowerCase(java.util.Locale.ROOT) + "@example.com",
                "field",
                "EMAIL1"))));
    assertThat(c.status()).as(c.body()).isIn(200, 201);
    contactIds.add(c.json().path("id").asText());
    int expected = contactIds.size();
    String trigger = api.get("/triggers").json().at("/triggers/0/trigger_id").asText();
    Receiver.await(
        Duration.ofSeconds(30),
        "the contact.add event of " + name,
        () -> api.get("/triggers/" + trigger + "/events?limit=100")
                .json()
                .path("events")
                .size()
            >= expected);
  }

  private List<String> handledContacts() throws IOException {
    List<String> ids = new ArrayList<>();
    if (!Files.exists(handled)) {
      return ids;
    }
    for (String line : Files.readAllLines(handled)) {
      JsonNode body = JSON.readTree(line.substring(line.indexOf(' ') + 1));
      body.at("/payload/object_keys").forEach(k -> ids.add(k.path("id").asText()));
    }
    return ids;
  }

  private Path script(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\nset -e\n" + body);
    assertThat(p.toFile().setExecutable(true)).isTrue();
    return p;
  }

  private static String[] append(String[] a, String... more) {
    String[] r = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, r, a.length, more.length);
    return r;
  }
}
