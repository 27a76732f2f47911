package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.cli.support.Cli;
import dev.keapgw.client.support.LiveGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each failure names the problem and the fix on stderr, leaves stdout empty, and exits with its code. */
class CliErrorsTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static void assertFailure(Cli.Run r, int exit, String problem, String fix) {
    assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
    assertThat(r.out()).as("nothing on stdout").isEmpty();
    assertThat(r.err())
        .startsWith("keap: ")
        .contains(problem)
        .contains("  fix: ")
        .contains(fix);
  }

  @Test
  void withoutAnApiKeyItSaysWhichVariableToSet() {
    Cli.Run r = new Cli().env("KEAP_GATEWAY_URL", LIVE.url()).run("contacts", "list");
    assertFailure(
        r, ExitCodes.CONFIG, "no API key: MATON_API_KEY is not set", "export MATON_API_KEY=");
  }

  @Test
  void anUnknownResourceSuggestsTheNearestCommand() {
    Cli.Run r = Cli.against(LIVE).run("contcts", "list");
    assertFailure(r, ExitCodes.USAGE, "unknown command 'contcts'", "did you mean 'contacts'?");
  }

  @Test
  void badJsonInDataSaysWhereAndShowsTheForm() {
    Cli.Run r = Cli.against(LIVE).run("contacts", "create", "--data", "{\"given_name\": Jo}");
    assertFailure(
        r,
        ExitCodes.USAGE,
        "the JSON in --data is not valid at line 1, column 16",
        "--data '{\"given_name\":\"Jo\"}'");
    Cli.Run array = Cli.against(LIVE).run("contacts", "create", "--data", "[1]");
    assertFailure(array, ExitCodes.USAGE, "is a array, not an object", "pass a JSON object");
    Cli.Run missing = Cli.against(LIVE).run("contacts", "create", "--data", "@/no/such/file.json");
    assertFailure(missing, ExitCodes.USAGE, "there is no file /no/such/file.json", "@file");
  }

  @Test
  void aRefusedKeySaysWhereTheKeyCameFrom() {
    Cli.Run r = Cli.against(LIVE).env("MATON_API_KEY", "wrong-key").run("contacts", "list");
    assertFailure(
        r,
        ExitCodes.AUTH,
        "the gateway refused the API key (401 unauthorized",
        "the key came from MATON_API_KEY");
    assertThat(r.err()).containsPattern("request id [0-9a-f-]{36}");
  }

  @Test
  void anUnknownIdIsNotFoundWithTheWayToFindIds() {
    Cli.Run r = Cli.against(LIVE).run("contacts", "get", "987654321");
    assertFailure(
        r,
        ExitCodes.NOT_FOUND,
        "not found (404 NOT_FOUND",
        "keap contacts list shows what there is");
    Cli.Run api = Cli.against(LIVE).run("api", "GET", "/v2/contacts/987654321");
    assertFailure(
        api, ExitCodes.NOT_FOUND, "not found (404 NOT_FOUND", "check the id and the path");
    assertThat(api.err())
        .as("keap api has no list command to suggest")
        .doesNotContain("keap api list");
  }

  @Test
  void aRequestKeapRefusesIsRejected() {
    Cli.Run r =
        Cli.against(LIVE).run("contacts", "create", "--data", "{\"given_name\":\"Nobody\"}");
    assertFailure(r, ExitCodes.REJECTED, "the request was refused (400", "keap contacts --help");
  }

  @Test
  void aGatewayThatIsNotThereIsUnreachable() {
    Cli.Run r =
        Cli.against(LIVE).env("KEAP_GATEWAY_URL", "http://127.0.0.1:1").run("users", "list");
    assertFailure(r, ExitCodes.UNREACHABLE, "cannot reach http://127.0.0.1:1", "KEAP_GATEWAY_URL");
    assertThat(r.err()).contains("Start one (./keap-gateway demo)");
  }

  @Test
  void anAccountWithoutAConnectionIsToldHowToMakeOne() {
    String key = LIVE.fixture().newAccount("cli no connection").key().secret();
    Cli.Run r = Cli.against(LIVE).env("MATON_API_KEY", key).run("contacts", "list");
    assertFailure(
        r, ExitCodes.CONNECTION, "no ACTIVE Keap connection", "keap connections create --wait");
  }

  @Test
  void usageMistakesAreUsageErrors() {
    assertFailure(
        Cli.against(LIVE).run("contacts", "create"),
        ExitCodes.USAGE,
        "missing required option",
        "--help");
    assertFailure(
        Cli.against(LIVE).run("contacts", "list", "-o", "xml"),
        ExitCodes.USAGE,
        "--output 'xml'",
        "table, json, jsonl or csv");
    assertFailure(
        Cli.against(LIVE).run("users", "list", "--page-size", "500"),
        ExitCodes.USAGE,
        "--page-size 500 is out of range",
        "1 to 100");
    assertFailure(
        Cli.against(LIVE).run("contacts"),
        ExitCodes.USAGE,
        "keap contacts needs a command",
        "list, get");
  }

  @Test
  void theProfileFileSuppliesWhatTheEnvironmentDoesNot() {
    Cli cli = new Cli()
        .profileFile("api_key = " + LIVE.apiKey() + "\ngateway_url = " + LIVE.url() + "\n"
            + "broken.api_key = nope\nbroken.gateway_url = " + LIVE.url() + "\n");
    assertThat(cli.run("userinfo", "-o", "json").json().path("tenant_id").asText())
        .isNotBlank();
    Cli.Run chosen = cli.env("MATON_API_KEY", LIVE.apiKey()).run("--profile", "broken", "userinfo");
    assertFailure(chosen, ExitCodes.AUTH, "refused the API key", "profile 'broken'");
    Cli.Run unknown = cli.run("--profile", "nope", "userinfo");
    assertFailure(unknown, ExitCodes.CONFIG, "there is no profile 'nope'", "nope.api_key");
  }

  @Test
  void connectionsNeedTheGateway() {
    Cli.Run r = new Cli()
        .env("KEAP_TOKEN", "t")
        .env("KEAP_URL", LIVE.sandboxUrl())
        .run("connections", "list");
    assertFailure(r, ExitCodes.CONFIG, "connections are the gateway's", "unset KEAP_TOKEN");
  }
}
