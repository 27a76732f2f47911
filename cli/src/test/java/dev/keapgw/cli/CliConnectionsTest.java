package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.cli.support.Cli;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.sandbox.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code keap connections}, including create --wait while a person authorizes in a browser. */
class CliConnectionsTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  @Test
  void createWaitGetListAndDelete() {
    String key = LIVE.fixture().newAccount("cli connections").key().secret();
    FakeTime time = new FakeTime();
    Cli cli = Cli.against(LIVE).env("MATON_API_KEY", key).time(time);
    time.onSleep(n -> {
      if (n == 1) {
        TestHttp.Reply listed = LIVE.fixture().as(key).get("/connections?status=PENDING");
        String url = listed.json().path("connections").path(0).path("url").asText();
        assertThat(ConnectFlow.open(url).callback().status()).isEqualTo(200);
      }
    });
    Cli.Run made = cli.run("connections", "create", "--wait", "-o", "json");
    assertThat(made.exit()).as(made.toString()).isZero();
    assertThat(made.err()).contains("Open this link in a browser").contains("session_token=");
    assertThat(made.json().path("status").asText()).isEqualTo("ACTIVE");
    String id = made.json().path("connection_id").asText();

    ObjectNode printed =
        (ObjectNode) cli.run("connections", "get", id, "-o", "json").json();
    assertThat(printed.path("status").asText()).isEqualTo("ACTIVE");
    ObjectNode served =
        (ObjectNode) LIVE.fixture().as(key).get("/connections/" + id).json().path("connection");
    assertThat(served.path("token_health").path("refresh_failures").isInt())
        .as(served.toString())
        .isTrue();
    assertThat(names(printed))
        .as("the gateway's fields, in its order, nothing added")
        .containsExactlyElementsOf(names(served));
    ObjectNode printedLessUrl = printed.deepCopy();
    ObjectNode servedLessUrl = served.deepCopy();
    printedLessUrl.remove("url");
    servedLessUrl.remove("url");
    assertThat(printedLessUrl).isEqualTo(servedLessUrl);
    Cli.Run listed =
        cli.run("connections", "list", "-o", "csv", "--columns", "connection_id,status");
    assertThat(listed.lines()).containsExactly("connection_id,status", id + ",ACTIVE");
    assertThat(
            cli.run("contacts", "list", "--limit", "1", "-c", id, "-o", "jsonl").lines())
        .hasSize(1);
    Cli.Run deleted = cli.run("connections", "delete", id, "-o", "json");
    assertThat(deleted.json().path("connection_id").asText()).isEqualTo(id);
    assertThat(cli.run("connections", "get", id).exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void aWaitThatRunsOutExitsWithTheConnectionCode() {
    String key = LIVE.fixture().newAccount("cli wait").key().secret();
    Cli.Run r = Cli.against(LIVE)
        .env("MATON_API_KEY", key)
        .run("connections", "create", "--wait", "--wait-timeout", "6s");
    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(r.err())
        .contains("still PENDING after 6 s")
        .contains("fix: authorize it in a browser");
    assertThat(LIVE.fixture().as(key).get("/connections").json().path("connections"))
        .hasSize(1);
  }

  private static java.util.List<String> names(ObjectNode o) {
    java.util.List<String> names = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
