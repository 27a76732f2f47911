package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The claims of docs/ARCHITECTURE.md, API.md, SECURITY.md and DEPLOY.md that can be read off
 * the code, checked against it: a new module, package, reserved path or option without its line
 * in the docs fails here.
 */
@Tag("unit")
class DocsMatchCodeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyModuleOfTheBuildHasARowInTheModuleTable() throws IOException {
    Matcher m = Pattern.compile("<module>([^<]+)</module>")
        .matcher(Files.readString(ROOT.resolve("pom.xml")));
    List<String> modules = new ArrayList<>();
    while (m.find()) {
      modules.add(m.group(1));
    }
    assertThat(modules).contains("sandbox", "gateway", "client", "app", "dist");
    String table = Files.readString(ROOT.resolve("docs/ARCHITECTURE.md")).split("\n## ")[0];
    assertThat(modules).allSatisfy(module -> assertThat(table).contains("| `" + module + "` |"));
  }

  @Test
  void everyPackageOfTheGatewayAndTheSandboxHasARowInItsTable() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/ARCHITECTURE.md"));
    String gateway = section(doc, "## The gateway");
    assertThat(packages("gateway/src/main/java/dev/keapgw/gateway"))
        .allSatisfy(
            p -> assertThat(gateway).as("gateway package %s", p).contains("| `" + p + "` |"));
    // the sandbox's resource packages (each a KeapModule) share one row
    String sandbox = section(doc, "## The sandbox");
    assertThat(packages("sandbox/src/main/java/dev/keapgw/sandbox"))
        .filteredOn(p -> !isKeapModule(p))
        .allSatisfy(
            p -> assertThat(sandbox).as("sandbox package %s", p).contains("| `" + p + "` |"));
  }

  @Test
  void everyReservedFirstSegmentIsNamedInTheApiReference() throws IOException {
    String api = Files.readString(ROOT.resolve("docs/API.md"));
    assertThat(GatewayConfig.RESERVED)
        .allSatisfy(segment -> assertThat(api).contains("`" + segment + "`"));
    assertThat(api)
        .contains(
            "`POST /connections/{id}/reconnect`",
            "/triggers",
            "/hooks/keap/",
            "`POST /mcp`",
            "`/console`",
            "`GET /readyz`");
    assertThat(api)
        .as("a JSON body is read as JSON whatever its Content-Type")
        .doesNotContainIgnoringCase("send Content-Type: application/json");
  }

  @Test
  void securityGivesTheLoadTestTheLengthItRuns() throws IOException {
    String loadTest = Files.readString(
        ROOT.resolve("gateway/src/test/java/dev/keapgw/gateway/prove/LoadTest.java"));
    Matcher seconds = Pattern.compile("\"prove\\.load\\.seconds\", (\\d+)\\)").matcher(loadTest);
    assertThat(seconds.find()).isTrue();
    String row = Files.readString(ROOT.resolve("docs/SECURITY.md"))
        .lines()
        .filter(l -> l.startsWith("| `LoadTest` |"))
        .findFirst()
        .orElseThrow();
    assertThat(row).contains("for " + seconds.group(1) + " s");
  }

  @Test
  void everyOptionAndVariableInTheDeployGuideExists() throws IOException {
    String deploy = Files.readString(ROOT.resolve("docs/DEPLOY.md"));
    CommandLine root = Main.commandLine(
        java.util.Map.of(),
        Lifetimes.none(),
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    Set<String> options = new TreeSet<>(
        Set.of("--enable-native-access", "--sun-misc-unsafe-memory-access")); // the JVM's
    collect(root, options);
    Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+").matcher(deploy);
    while (m.find()) {
      assertThat(options).as("DEPLOY.md names %s", m.group()).contains(m.group());
    }
    Set<String> serve = new TreeSet<>();
    collect(root.getSubcommands().get("serve"), serve);
    Matcher v = Pattern.compile("KEAPGW_([A-Z_]+)").matcher(deploy);
    while (v.find()) {
      assertThat(serve)
          .as("DEPLOY.md names %s", v.group())
          .contains("--" + v.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
  }

  private static void collect(CommandLine cl, Set<String> into) {
    cl.getCommandSpec().options().forEach(o -> into.addAll(List.of(o.names())));
    cl.getSubcommands().values().forEach(sub -> collect(sub, into));
  }

  private static List<String> packages(String dir) throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static boolean isKeapModule(String sandboxPackage) {
    try (Stream<Path> s =
        Files.list(ROOT.resolve("sandbox/src/main/java/dev/keapgw/sandbox/" + sandboxPackage))) {
      return s.anyMatch(f -> {
        try {
          return Files.readString(f).contains("implements KeapModule");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A document from a level-2 heading to the next one. */
  private static String section(String doc, String heading) {
    int start = doc.indexOf("\n" + heading + "\n");
    assertThat(start).as("heading %s", heading).isNotNegative();
    int end = doc.indexOf("\n## ", start + heading.length() + 2);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }
}
