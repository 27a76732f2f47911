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
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's option tables, first call and test command follow the code, so they cannot rot unseen. */
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyOptionOfEveryCommandHasARowWithItsVariableAndDefault() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    CommandLine root = Main.commandLine(Map.of(), Lifetimes.none(), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    Map<String, Map<String, String>> builtIns = Map.of("demo", DemoCommand.builtInDefaults(),
        "serve", ServeCommand.builtInDefaults(), "admin", AdminTarget.builtInDefaults(),
        "sandbox", SandboxCommand.builtInDefaults());
    for (String command : List.of("demo", "serve", "admin", "sandbox")) {
      CommandLine cl = root.getSubcommands().get(command);
      EnvDefaults env = (EnvDefaults) cl.getDefaultValueProvider();
      String table = section(readme, "### `" + command + "` options");
      for (OptionSpec o : options(cl).values()) {
        String name = o.longestName();
        if (!env.readsEnv(name)) {
          continue;
        }
        String row = table.lines().filter(l -> l.startsWith("| `" + name + "` |")).findFirst().orElse(null);
        assertThat(row).as("README row for %s %s", command, name).isNotNull();
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
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains(DemoBanner.curlLine("http://localhost:8080"));
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

  /** The README from a heading to the next heading. */
  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as("README heading %s", heading).isNotNegative();
    int end = readme.indexOf("\n#", start + heading.length() + 2);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
