package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.cli.support.Cli;
import dev.keapgw.client.support.FakeTime;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.trigger.Receiver;
import dev.keapgw.sandbox.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * What a newcomer copies: every example in {@code keap}'s help, in docs/CLIENT.md and in the
 * README runs against a gateway in front of the sandbox (as the demo runs them), and the help
 * itself reads cleanly (no picocli warning, no URL or JSON broken across lines, the global
 * options listed once). The words TRIGGER_ID, DESTINATION_ID and EVENT_ID in an example stand for
 * a trigger on contact.add this test made (with a destination and an event Keap fired for a
 * contact created through the gateway), and ./handler.sh for a handler script that reads its event.
 */
@Tag("slow")
class CliExamplesTest {
  @RegisterExtension
  static final GatewayFixture DEMO = new GatewayFixture(
      s -> s.withHookDelay(Duration.ofMillis(20)),
      g -> g.withLimits(new GatewayConfig.Limits(100_000, 100_000, 0))
          .withAllowPrivateDestinations(true));

  private static final Pattern KEAP = Pattern.compile("(?:^|[\\s(])(?:\\./)?keap (.*)$");
  private static final Receiver RECEIVER = new Receiver();
  private static String key;
  private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

  @BeforeAll
  static void connect() throws IOException {
    key = DEMO.newAccount("examples").key().secret();
    String connection = ConnectFlow.connect(DEMO, key);
    TestHttp api = DEMO.as(key);
    TestHttp.Reply made = api.post(
        "/triggers",
        Map.of(
            "source",
            "keap",
            "event_type",
            "contact.add",
            "connection_id",
            connection,
            "destinations",
            List.of(Map.of("url", RECEIVER.url("/examples")))));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String trigger = made.json().at("/trigger/trigger_id").asText();
    assertThat(api.post(
                "/keap/crm/rest/v2/contacts",
                Map.of(
                    "given_name",
                    "Example",
                    "email_addresses",
                    List.of(Map.of("email", "example@example.com", "field", "EMAIL1"))))
            .status())
        .isIn(200, 201);
    Receiver.await(
        Duration.ofSeconds(30), "the example event", () -> !RECEIVER.hits().isEmpty());
    PLACEHOLDERS.put("TRIGGER_ID", trigger);
    PLACEHOLDERS.put(
        "DESTINATION_ID",
        made.json().at("/trigger/destinations/0/destination_id").asText());
    PLACEHOLDERS.put("EVENT_ID", RECEIVER.hits().get(0).header("webhook-id"));
    Path handler = Files.createTempDirectory("keap-examples").resolve("handler.sh");
    Files.writeString(handler, "#!/bin/sh\ncat > /dev/null\n");
    handler.toFile().setExecutable(true);
    PLACEHOLDERS.put("./handler.sh", handler.toString());
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void everyExampleInTheHelpRuns() {
    List<String> examples = new ArrayList<>();
    helpOfEveryCommand()
        .values()
        .forEach(help -> help.lines()
            .filter(l -> l.startsWith("  keap ") || l.startsWith("  source <(keap "))
            .forEach(examples::add));
    assertThat(examples).hasSizeGreaterThan(8);
    runAll(examples);
  }

  @Test
  void everyExampleInTheDocsRuns() throws IOException {
    List<String> examples = new ArrayList<>();
    for (Path doc : List.of(Path.of("../docs/CLIENT.md"), Path.of("../README.md"))) {
      examples.addAll(shellLines(Files.readString(doc)).stream()
          .filter(l -> KEAP.matcher(l).find())
          .toList());
    }
    assertThat(examples).hasSizeGreaterThan(8);
    runAll(examples);
  }

  @Test
  void helpKeepsUrlsAndExamplesWholeAndListsTheGlobalOptionsOnce() {
    Map<String, String> helps = helpOfEveryCommand();
    CommandLine tree = tree();
    List<CommandLine> all = new ArrayList<>();
    collect(tree, all);
    for (CommandLine cl : all) {
      String help = helps.get(cl.getCommandSpec().qualifiedName());
      List<String> texts =
          new ArrayList<>(List.of(cl.getCommandSpec().usageMessage().description()));
      cl.getCommandSpec().options().stream()
          .filter(o -> !o.inherited())
          .forEach(o -> texts.addAll(List.of(o.description())));
      cl.getCommandSpec()
          .positionalParameters()
          .forEach(p -> texts.addAll(List.of(p.description())));
      for (String text : texts) {
        for (String word : text.trim().split(" +")) {
          assertThat(help.lines().anyMatch(l -> l.contains(word)))
              .as("'%s' of '%s' is whole on one line of:%n%s", word, text, help)
              .isTrue();
        }
      }
      boolean top = cl.getParent() == null;
      List<String> footer = List.of(cl.getCommandSpec().usageMessage().footer());
      if (top || !footer.equals(List.of(tree.getCommandSpec().usageMessage().footer()))) {
        footer.stream()
            .filter(l -> !l.isEmpty())
            .forEach(line -> assertThat(help.lines().anyMatch(l -> l.equals(line)))
                .as("footer line '%s' as written", line)
                .isTrue());
      } else {
        assertThat(help)
            .as("keap's examples under " + cl.getCommandName())
            .doesNotContain("Examples:");
      }
      assertThat(count(help, "--gateway-url=URL"))
          .as(cl.getCommandSpec().qualifiedName())
          .isEqualTo(top ? 2 : 0);
      if (!top) {
        assertThat(help).contains("Global options: see keap --help (--output, --columns,");
      }
    }
    assertThat(helps.get("keap"))
        .contains("http://localhost:8080")
        .contains("/v2/contacts/{contact_id}/notes");
  }

  @Test
  void helpPrintsNoWarning() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            KeapCli.class.getName(),
            "--help")
        .redirectErrorStream(false)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(err).isEmpty();
    assertThat(out).contains("Usage: keap").doesNotContain("%7B");
  }

  private static void runAll(List<String> examples) {
    List<String> failed = new ArrayList<>();
    for (String example : examples) {
      Matcher m = KEAP.matcher(example);
      assertThat(m.find()).as(example).isTrue();
      // a connection waited for is authorized as a person would: by opening its link
      FakeTime time = new FakeTime()
          .onSleep(n -> DEMO.as(key)
              .get("/connections?status=PENDING")
              .json()
              .path("connections")
              .forEach(c -> ConnectFlow.open(c.path("url").asText())));
      Cli.Run r = new Cli()
          .env("MATON_API_KEY", key)
          .env("KEAP_GATEWAY_URL", DEMO.gateway().baseUrl())
          .time(time)
          .run(words(m.group(1)).stream().map(CliExamplesTest::filled).toArray(String[]::new));
      if (r.exit() != 0) {
        failed.add(example + "\n" + r);
      }
    }
    assertThat(failed).as("examples that failed").isEmpty();
  }

  private static String filled(String word) {
    for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
      word = word.replace(p.getKey(), p.getValue());
    }
    return word;
  }

  /** The arguments of a shell command line, up to a redirection, pipe, comment or closing parenthesis. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
        }
        word.setLength(0);
        inWord = false;
      } else if (">|<#;&)".indexOf(c) >= 0) {
        break;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** The lines of the {@code sh}, {@code bash} and {@code shell} code blocks of a Markdown text. */
  private static List<String> shellLines(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : markdown.lines().toList()) {
      if (line.startsWith("```")) {
        in = !in && List.of("```sh", "```bash", "```shell").contains(line.trim());
        continue;
      }
      if (in) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static Map<String, String> helpOfEveryCommand() {
    Map<String, String> helps = new LinkedHashMap<>();
    List<CommandLine> all = new ArrayList<>();
    collect(tree(), all);
    for (CommandLine cl : all) {
      helps.put(cl.getCommandSpec().qualifiedName(), cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
    }
    return helps;
  }

  private static CommandLine tree() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CliEnv env = new CliEnv(
        Map.of(), System.in, sink, sink, Terminal.NONE, Path.of("."), Clock.systemUTC(), d -> {});
    GlobalOptions options = new GlobalOptions();
    return KeapCli.commandLine(new Session(env, options), options, null);
  }

  private static void collect(CommandLine cl, List<CommandLine> into) {
    into.add(cl);
    cl.getSubcommands().values().forEach(s -> collect(s, into));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
