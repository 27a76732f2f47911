package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.http.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/DEPLOY.md's "Serve in front of the sandbox" recipe, run as written: its shell block
 * (with free ports for 8080 and 9090) in bash, {@code ./keap-gateway} being this build's launcher
 * as real processes. It must end with the sandbox's contacts, reached through the gateway.
 */
@Tag("slow")
class DeployRecipeTest {
  @TempDir
  Path dir;

  @Test
  void theServeInFrontOfTheSandboxRecipeRunsAsWritten() throws Exception {
    String recipe = recipe(Files.readString(Path.of("../docs/DEPLOY.md")));
    assertThat(recipe)
        .contains("--redirect-uri http://localhost:8080/oauth/callback", "./keap-gateway serve");
    String script = recipe
        .replace("8080", Integer.toString(Listener.freePort("127.0.0.1")))
        .replace("9090", Integer.toString(Listener.freePort("127.0.0.1")));
    Files.writeString(
        dir.resolve("recipe.sh"),
        "set -euo pipefail\n"
            // the servers the recipe leaves in the background stop with the script
            + "trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT\n" + script);
    launcher(dir.resolve("keap-gateway"));
    Path output = dir.resolve("output.txt");
    ProcessBuilder b = new ProcessBuilder("bash", "recipe.sh")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    b.environment()
        .keySet()
        .removeIf(k -> k.startsWith("KEAPGW_")
            || k.startsWith("KEAP_SANDBOX_")
            || k.startsWith("KEAP_GATEWAY_")
            || k.equals("MATON_API_KEY"));
    b.environment().put("HOME", dir.toString());
    Process p = b.start();
    try {
      assertThat(p.waitFor(4, TimeUnit.MINUTES)).as("the recipe ended").isTrue();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String out = Files.readString(output);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("connect flow: 200")
        .contains("\"contacts\"")
        .contains("\"given_name\"");
  }

  /** The first sh block after the recipe's heading. */
  static String recipe(String doc) {
    Matcher m = Pattern.compile(
            "## Serve in front of the sandbox\\n.*?```sh\\n(.*?)```", Pattern.DOTALL)
        .matcher(doc);
    assertThat(m.find()).as("docs/DEPLOY.md has the recipe").isTrue();
    return m.group(1);
  }

  /** {@code ./keap-gateway} for the recipe: this build's launcher, with the JVM flags the real script gives. */
  private static void launcher(Path file) throws IOException {
    Files.writeString(
        file, "#!/bin/sh\nexec '" + String.join("' '", LauncherProcess.command()) + "' \"$@\"\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
