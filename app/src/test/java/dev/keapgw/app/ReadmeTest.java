package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option tables (docs/CONFIGURATION.md, docs/SANDBOX.md), the README's first call and its test
 * command follow the code, so they cannot rot unseen. The README itself stays a front door: under 12 KB.
 */
@Tag("unit")
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyOptionOfEveryCommandHasARowWithItsVariableAndDefault() throws IOException {
    Map<String, String> docs = Map.of(
        "demo",
        "docs/CONFIGURATION.md",
        "serve",
        "docs/CONFIGURATION.md",
        "admin",
        "docs/CONFIGURATION.md",
        "sandbox",
        "docs/SANDBOX.md");
    CommandLine root = Main.commandLine(
        Map.of(),
        Lifetimes.none(),
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    Map<String, Map<String, String>> builtIns = Map.of(
        "demo",
        DemoCommand.builtInDefaults(),
        "serve",
        ServeCommand.builtInDefaults(),
        "admin",
        AdminTarget.builtInDefaults(),
        "sandbox",
        SandboxCommand.builtInDefaults());
    for (String command : List.of("demo", "serve", "admin", "sandbox")) {
      CommandLine cl = root.getSubcommands().get(command);
      EnvDefaults env = (EnvDefaults) cl.getDefaultValueProvider();
      String table = section(
          Files.readString(ROOT.resolve(docs.get(command))), "## `" + command + "` options");
      for (OptionSpec o : options(cl).values()) {
        String name = o.longestName();
        if (!env.readsEnv(name)) {
          continue;
        }
        String row = table
            .lines()
            .filter(l -> l.startsWith("| `" + name + "` |"))
            .findFirst()
            .orElse(null);
        assertThat(row).as("%s row for %s %s", docs.get(command), command, name).isNotNull();
        assertThat(row).contains("`" + env.variable(name));
        String d = builtIns.get(command).get(name);
        if (d != null && !o.type().equals(boolean.class)) {
          for (String part : d.split(",")) {
            assertThat(row).as("default of %s %s", command, name).contains("`" + part + "`");
          }
        }
      }
    }
  }

  @Test
  void theQuickStartShowsTheCurlLineTheDemoPrints() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme).contains(DemoBanner.curlLine("http://localhost:8080"));
    assertThat(DemoBanner.keapLines("http://localhost:8080"))
        .as("keap's default URL needs no variable")
        .containsExactly("./keap contacts list --limit 2");
    DemoBanner.keapLines("http://localhost:8080")
        .forEach(l -> assertThat(readme).contains("  " + l));
    assertThat(DemoBanner.keapLines("http://localhost:18080"))
        .containsExactly(
            "export KEAP_GATEWAY_URL=http://localhost:18080", "./keap contacts list --limit 2");
  }

  @Test
  void theReadmeIsShortAndLinksOnlyToDocsThatExist() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThan(12 * 1024);
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(readme);
    while (links.find()) {
      assertThat(ROOT.resolve(links.group(1)))
          .as("README links to %s", links.group(1))
          .exists();
    }
    for (String jargon : List.of("the seed", "the spec", "reference §")) {
      assertThat(readme).as("words a newcomer has not met").doesNotContainIgnoringCase(jargon);
    }
  }

  @Test
  void ciRunsTheReadmesTestCommand() throws IOException {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    String command = ci.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(command).isEqualTo("mvn -B verify");
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains(command);
    assertThat(ci).contains("set -euo pipefail");
  }

  /** The options of a command and of every command under it (admin's are on its leaves), by name. */
  private static Map<String, OptionSpec> options(CommandLine cl) {
    Map<String, OptionSpec> all = new LinkedHashMap<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (!o.usageHelp() && !o.versionHelp()) {
        all.putIfAbsent(o.longestName(), o);
      }
    }
    cl.getSubcommands().values().forEach(sub -> all.putAll(options(sub)));
    return all;
  }

  /** A document from a heading to the next heading. */
  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as("heading %s", heading).isNotNegative();
    int end = readme.indexOf("\n#", start + heading.length() + 2);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
