package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.cli.support.Cli;
import dev.keapgw.client.support.LiveGateway;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code keap} writes, in each format, for lists and single objects; data on stdout only. */
class CliOutputTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FAMILY = "Csv" + UUID.randomUUID().toString().substring(0, 6);
  private static String commaId;

  @BeforeAll
  static void aContactWithAwkwardText() {
    Cli.Run r = Cli.against(LIVE)
        .run(
            "contacts",
            "create",
            "-o",
            "json",
            "--data",
            "{\"given_name\":\"Doe, \\\"Jane\\\"\",\"family_name\":\"" + FAMILY + "\","
                + "\"email_addresses\":[{\"email\":\"jane." + FAMILY.toLowerCase()
                + "@example.com\",\"field\":\"EMAIL1\"}]}");
    assertThat(r.exit()).as(r.toString()).isZero();
    commaId = r.json().path("id").asText();
  }

  private static Cli cli() {
    return Cli.against(LIVE);
  }

  @Test
  void jsonPrintsAListAsOneArray() {
    Cli.Run r = cli().run("contacts", "list", "--page-size", "3", "-o", "json");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.json().isArray()).isTrue();
    assertThat(r.json()).hasSize(3);
    assertThat(r.json().get(0).path("id").asText()).isNotBlank();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonlPrintsOneObjectPerLine() throws Exception {
    Cli.Run r = cli().run("contacts", "list", "--page-size", "4", "-o", "jsonl");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.lines()).hasSize(4);
    for (String line : r.lines()) {
      assertThat(JSON.readTree(line).path("email_addresses").isArray()).isTrue();
    }
  }

  @Test
  void csvHasAHeaderAndQuotesWhatNeedsIt() {
    Cli.Run r = cli()
        .run(
            "contacts",
            "list",
            "--filter",
            "family_name==" + FAMILY,
            "-o",
            "csv",
            "--columns",
            "id,given_name,email=email_addresses.0.email");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.lines())
        .containsExactly(
            "id,given_name,email",
            commaId + ",\"Doe, \"\"Jane\"\"\",jane." + FAMILY.toLowerCase() + "@example.com");
  }

  @Test
  void csvWithoutColumnsHasEveryFieldOfTheFirstItem() {
    Cli.Run r = cli().run("tags", "list", "--page-size", "2", "-o", "csv");
    assertThat(r.lines()).hasSize(3);
    assertThat(r.lines().get(0)).startsWith("id,name,").contains("category");
    assertThat(r.lines().get(1)).as("an object cell is quoted JSON").contains("\"{\"\"id\"\":");
  }

  @Test
  void aTerminalGetsAnAlignedTable() {
    Cli.Run r = cli()
        .terminal(new Terminal(false, true, false))
        .run("contacts", "list", "--page-size", "3");
    assertThat(r.exit()).as(r.toString()).isZero();
    List<String> lines = r.lines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("ID").contains("GIVEN_NAME").contains("EMAIL");
    int emailAt = lines.get(0).indexOf("EMAIL");
    assertThat(lines.get(1).substring(emailAt)).contains("@");
    assertThat(lines.get(2).charAt(emailAt - 1)).isEqualTo(' ');
  }

  @Test
  void aPipeGetsJsonLinesForListsAndJsonForOneObject() {
    assertThat(cli().run("tags", "list", "--page-size", "2").lines())
        .hasSize(2)
        .allMatch(l -> l.startsWith("{"));
    Cli.Run one = cli().run("contacts", "get", commaId);
    assertThat(one.json().path("id").asText()).isEqualTo(commaId);
  }

  @Test
  void getCreateAndUpdateWithJsonPrintTheObjectItself() {
    Cli.Run made = cli()
        .run(
            "tags",
            "create",
            "-o",
            "json",
            "--data",
            "{\"name\":\"cli " + UUID.randomUUID() + "\"}");
    assertThat(made.exit()).as(made.toString()).isZero();
    String id = made.json().path("id").asText();
    assertThat(made.json().has("tag")).isFalse();
    Cli.Run got = cli().run("tags", "get", id, "-o", "json");
    assertThat(got.json().path("name").asText())
        .isEqualTo(made.json().path("name").asText());
    Cli.Run changed = cli()
        .run("tags", "update", id, "-o", "json", "--data", "{\"description\":\"from the cli\"}");
    assertThat(changed.json().path("description").asText()).isEqualTo("from the cli");
    Cli.Run gone = cli().run("tags", "delete", id);
    assertThat(gone.exit()).isZero();
    assertThat(gone.out()).isEmpty();
    assertThat(cli().run("tags", "get", id).exit()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void aSingleObjectOnATerminalIsAFieldTable() {
    Cli.Run r = cli().terminal(new Terminal(false, true, false)).run("contacts", "get", commaId);
    assertThat(r.lines().get(0)).startsWith("FIELD").contains("VALUE");
    assertThat(r.lines()).anyMatch(l -> l.startsWith("family_name") && l.endsWith(FAMILY));
  }

  @Test
  void allStreamsEveryPageAndShowsProgressOnlyOnATerminal() {
    Cli.Run quiet = cli().run("contacts", "list", "--all", "--page-size", "5", "-o", "jsonl");
    assertThat(quiet.exit()).isZero();
    assertThat(quiet.lines()).hasSizeGreaterThan(10);
    assertThat(quiet.err()).isEmpty();
    Cli.Run shown = cli()
        .terminal(new Terminal(false, false, true))
        .run("contacts", "list", "--all", "--page-size", "5", "-o", "jsonl");
    assertThat(shown.lines()).hasSameSizeAs(quiet.lines());
    assertThat(shown.err())
        .contains(String.format("%,d contacts in", quiet.lines().size()));
  }

  @Test
  void jsonLinesCopiedRawMatchTheParsedObjects() throws Exception {
    Cli.Run lines = cli().run("contacts", "list", "--all", "--page-size", "7", "-o", "jsonl");
    Cli.Run array = cli().run("contacts", "list", "--all", "--page-size", "7", "-o", "json");
    assertThat(lines.lines()).hasSize(array.json().size());
    for (int i = 0; i < lines.lines().size(); i++) {
      assertThat(JSON.readTree(lines.lines().get(i))).isEqualTo(array.json().get(i));
    }
  }

  @Test
  void limitStopsAfterThatManyAcrossPages() {
    Cli.Run r = cli().run("contacts", "list", "--limit", "7", "--page-size", "3", "-o", "jsonl");
    assertThat(r.lines()).hasSize(7);
  }

  @Test
  void nothingPromptsWhenStdinIsNotATerminal() {
    String id = cli()
        .run(
            "tags",
            "create",
            "-o",
            "json",
            "--data",
            "{\"name\":\"gone " + UUID.randomUUID() + "\"}")
        .json()
        .path("id")
        .asText();
    Cli.Run r = cli().terminal(new Terminal(false, true, true)).run("tags", "delete", id);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("[y/N]").contains("deleted tag " + id);
  }

  @Test
  void aPersonAtTheTerminalIsAskedAndNoMeansNo() {
    String id = cli()
        .run(
            "tags",
            "create",
            "-o",
            "json",
            "--data",
            "{\"name\":\"kept " + UUID.randomUUID() + "\"}")
        .json()
        .path("id")
        .asText();
    Cli.Run r = cli().terminal(Terminal.ALL).stdin("n\n").run("tags", "delete", id);
    assertThat(r.err()).contains("Delete tag " + id + "? [y/N]").contains("nothing deleted");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(cli().run("tags", "get", id).exit()).isZero();
    assertThat(cli().terminal(Terminal.ALL).run("tags", "delete", id, "--yes").exit())
        .isZero();
  }

  @Test
  void tagApplyAndSequenceAddPrintEachContactsOutcome() throws Exception {
    String tag = cli()
        .run(
            "tags",
            "create",
            "-o",
            "json",
            "--data",
            "{\"name\":\"apply " + UUID.randomUUID() + "\"}")
        .json()
        .path("id")
        .asText();
    Cli.Run applied = cli().run("tags", "apply", tag, "--contacts", commaId, "-o", "csv");
    assertThat(applied.lines()).containsExactly("contact_id,result", commaId + "," + "SUCCESS");
    Cli.Run tagged = cli().run("tags", "contacts", tag, "-o", "jsonl");
    assertThat(JSON.readTree(tagged.out()).path("id").asText()).isEqualTo(commaId);
    assertThat(cli().run("tags", "remove", tag, "--contacts", commaId).exit()).isZero();
    Cli.Run added =
        cli().run("campaigns", "sequences", "add", "1", "1", "--contacts", commaId, "-o", "json");
    assertThat(added.json().path("add_to_sequence_results").path(commaId).asText())
        .isEqualTo("SUCCESS");
    Cli.Run removed = cli()
        .run("campaigns", "sequences", "remove", "1", "1", "--contacts", commaId, "-o", "json");
    assertThat(removed.json().path("remove_from_sequence_results").path(commaId).asText())
        .isEqualTo("SUCCESS");
    assertThat(cli().run("campaigns", "sequences", "list", "1", "-o", "jsonl").lines())
        .isNotEmpty();
  }

  @Test
  void emailsSendFromFlagsAndApiForAnythingElse() {
    Cli.Run sent = cli()
        .run(
            "emails",
            "send",
            "--to",
            commaId,
            "--subject",
            "From the CLI",
            "--user",
            "1",
            "--html",
            "<p>Hi</p>");
    assertThat(sent.exit()).as(sent.toString()).isZero();
    Cli.Run listed = cli().run("api", "GET", "/v2/emails", "-q", "filter=contact_id==" + commaId);
    assertThat(listed.exit()).as(listed.toString()).isZero();
    JsonNode emails = listed.json().path("emails");
    assertThat(emails).anyMatch(e -> e.path("subject").asText().equals("From the CLI"));
    Cli.Run model = cli().run("api", "GET", "/crm/rest/v2/oauth/connect/userinfo");
    assertThat(model.json().path("tenant_id").asText()).isNotBlank();
  }

  @Test
  void notesNeedTheirContact() {
    Cli.Run made = cli()
        .run(
            "notes",
            "create",
            "--contact",
            commaId,
            "-o",
            "json",
            "--data",
            "{\"title\":\"Called\",\"user_id\":\"1\"}");
    assertThat(made.exit()).as(made.toString()).isZero();
    Cli.Run listed = cli().run("notes", "list", "--contact", commaId, "-o", "jsonl");
    assertThat(listed.lines()).hasSize(1);
  }

  @Test
  void theCompletionScriptKnowsTheCommands() {
    Cli.Run r = new Cli().run("completion");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("complete -F")
        .contains("contacts")
        .contains("connections")
        .contains("--filter");
  }
}
