package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's option table and test command follow the code, so they cannot rot unseen. */
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everySandboxOptionHasARowWithItsVariableAndDefault() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    CommandLine sandbox = Main.commandLine(Map.of(), Lifetimes.none(), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter())).getSubcommands().get("sandbox");
    EnvDefaults env = new EnvDefaults(SandboxCommand.ENV_PREFIX, Map.of(), Map.of());
    Map<String, String> defaults = SandboxCommand.builtInDefaults();
    for (OptionSpec o : sandbox.getCommandSpec().options()) {
      String name = o.longestName();
      if (name.equals("--help") || name.equals("--version")) {
        continue;
      }
      String row = readme.lines().filter(l -> l.startsWith("| `" + name + "` |")).findFirst().orElse(null);
      assertThat(row).as("README row for %s", name).isNotNull();
      assertThat(row).contains("`" + env.variable(name));
      String d = defaults.get(name);
      if (d != null && !o.type().equals(boolean.class)) {
        for (String part : d.split(",")) {
          assertThat(row).as("default of %s", name).contains("`" + part + "`");
        }
      }
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
}
