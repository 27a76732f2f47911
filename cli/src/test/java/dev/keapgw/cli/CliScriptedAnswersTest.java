package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.cli.support.Cli;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.client.support.ScriptedServer;
import dev.keapgw.client.support.ScriptedServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command's handling of answers a real gateway gives only rarely, from a scripted server. */
class CliScriptedAnswersTest {
  private final FakeTime time = new FakeTime();

  private Cli cli(ScriptedServer s) {
    return new Cli().env("MATON_API_KEY", "k").env("KEAP_GATEWAY_URL", s.url()).time(time);
  }

  @Test
  void prettyPrintedPagesStillBecomeOneLinePerItem() throws Exception {
    String page =
        "{\n  \"contacts\" : [ {\n    \"id\" : \"1\",\n    \"given_name\" : \"A\"\n  }, {\"id\":\"2\"} ],\n"
            + "  \"next_page_token\" : \"\"\n}";
    try (ScriptedServer s = new ScriptedServer(Answer.json(200, page))) {
      Cli.Run r = cli(s).run("contacts", "list", "--all", "-o", "jsonl");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.lines())
          .containsExactly("{\"id\":\"1\",\"given_name\":\"A\"}", "{\"id\":\"2\"}");
      assertThat(s.received().get(0).uri()).isEqualTo("/keap/crm/rest/v2/contacts?page_size=1000");
    }
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesSaysHowLongToWait() {
    String body =
        "{\"error\":{\"status\":429,\"type\":\"rate_limited\",\"message\":\"10 requests per second\"}}";
    try (ScriptedServer s = new ScriptedServer(Answer.json(429, body, "Retry-After", "2"))) {
      Cli.Run r = cli(s).run("users", "list");
      assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.RATE_LIMITED);
      assertThat(r.err())
          .contains("rate limited (429 rate_limited: 10 requests per second)")
          .contains("fix: wait 2 s");
      assertThat(time.sleeps()).hasSize(4).containsOnly(Duration.ofSeconds(2));
      assertThat(s.received()).hasSize(5);
    }
  }

  @Test
  void aConnectionThatCannotGetATokenPointsAtItsConnectLink() {
    String body =
        "{\"error\":{\"status\":424,\"type\":\"connection_not_ready\",\"message\":\"the refresh failed\","
            + "\"url\":\"http://gw/connect/c1?session_token=s\"}}";
    try (ScriptedServer s = new ScriptedServer(Answer.json(424, body))) {
      Cli.Run r = cli(s).run("contacts", "get", "1");
      assertThat(r.exit()).isEqualTo(ExitCodes.CONNECTION);
      assertThat(r.err())
          .contains("cannot get a Keap token")
          .contains("open http://gw/connect/c1?session_token=s");
    }
  }

  @Test
  void aServerThatKeepsFailingIsAServerError() {
    try (ScriptedServer s = new ScriptedServer(Answer.json(503, "<html>busy</html>"))) {
      Cli.Run r = cli(s).run("tags", "get", "1");
      assertThat(r.exit()).isEqualTo(ExitCodes.SERVER);
      assertThat(r.err())
          .contains("the server failed (503: <html>busy</html>)")
          .contains("request id");
      assertThat(s.received()).hasSize(5);
    }
  }

  @Test
  void apiSendsAnyMethodAndPrintsTheAnswerAsJson() throws Exception {
    try (ScriptedServer s = new ScriptedServer(Answer.json(200, "{\"ok\":true}"))) {
      Cli.Run r = cli(s)
          .stdin("{\"a\":1}")
          .run("api", "post", "/keap/crm/rest/v2/contacts:merge", "--data", "@-", "-q", "x=a b");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(new ObjectMapper().readTree(r.out()).path("ok").asBoolean()).isTrue();
      assertThat(s.received().get(0).method()).isEqualTo("POST");
      assertThat(s.received().get(0).uri()).isEqualTo("/keap/crm/rest/v2/contacts:merge?x=a%20b");
    }
  }
}
