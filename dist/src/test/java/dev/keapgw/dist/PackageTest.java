package dev.keapgw.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package as a user gets it: unpacked into an empty directory and run with a PATH that holds
 * no java (and no JAVA_HOME), {@code bin/keap-gateway demo} serves the demo, and {@code bin/keap}
 * reads contacts through it.
 */
@Tag("slow")
class PackageTest {
  private static final Duration START = Duration.ofMinutes(3);

  @Test
  void unpackedItRunsTheDemoWithoutAJdk(@TempDir Path tmp) throws Exception {
    Path archive = Path.of(System.getProperty("dist.archive", "target/none.tar.gz"));
    assertThat(archive).as("mvn package writes it").exists();
    run(tmp, List.of("tar", "-xzf", archive.toAbsolutePath().toString()), Map.of());
    String top = archive.getFileName().toString().replace(".tar.gz", "");
    Path home = tmp.resolve(top);
    for (String f : List.of(
        "bin/keap-gateway",
        "bin/keap",
        "runtime/bin/java",
        "lib/keap-gateway.jar",
        "lib/keap.jar",
        "lib/jvm.options",
        "keap-gateway.service",
        "LICENSE",
        "INSTALL")) {
      assertThat(home.resolve(f)).as(f).exists();
    }
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/keap-gateway")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.readString(home.resolve("LICENSE")))
        .contains("Apache License")
        .contains("Version 2.0");
    assertThat(Files.readString(home.resolve("keap-gateway.service")))
        .contains("ExecStart=/opt/keap-gateway/bin/keap-gateway serve");

    Path noJava = Files.createDirectories(tmp.resolve("empty-path"));
    int port = freePort();
    int sandboxPort = freePort();
    Map<String, String> env = Map.of("PATH", noJava.toString(), "HOME", tmp.toString());
    Path log = tmp.resolve("demo.log");
    ProcessBuilder pb = new ProcessBuilder(
            home.resolve("bin/keap-gateway").toString(),
            "demo",
            "--port",
            "" + port,
            "--sandbox-port",
            "" + sandboxPort,
            "--data-dir",
            tmp.resolve("data").toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process demo = pb.start();
    try {
      String gateway = "http://127.0.0.1:" + port;
      awaitReady(gateway, demo, log);
      String key = Files.readString(tmp.resolve("data/demo-api-key")).trim();
      HttpResponse<String> contacts = HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(gateway + "/keap/crm/rest/v2/contacts?page_size=2"))
                  .header("Authorization", "Bearer " + key)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(200);
      assertThat(contacts.body()).contains("\"contacts\"");

      Path out = tmp.resolve("keap.out");
      ProcessBuilder keap = new ProcessBuilder(
              home.resolve("bin/keap").toString(),
              "contacts",
              "list",
              "--limit",
              "2",
              "-o",
              "jsonl")
          .redirectErrorStream(true)
          .redirectOutput(out.toFile());
      keap.environment().clear();
      keap.environment().putAll(env);
      keap.environment().putAll(Map.of("MATON_API_KEY", key, "KEAP_GATEWAY_URL", gateway));
      Process k = keap.start();
      assertThat(k.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(k.exitValue()).as(Files.readString(out)).isZero();
      assertThat(Files.readAllLines(out)).hasSize(2).allMatch(l -> l.startsWith("{\"id\""));
      assertThat(Files.readString(log)).contains("keap-gateway demo is running");
    } finally {
      demo.destroy();
      if (!demo.waitFor(1, TimeUnit.MINUTES)) {
        demo.destroyForcibly();
      }
    }
  }

  private static void awaitReady(String gateway, Process demo, Path log) throws Exception {
    HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      assertThat(demo.isAlive())
          .as("the demo stopped:%n%s", Files.readString(log))
          .isTrue();
      try {
        HttpResponse<String> r = http.send(
            HttpRequest.newBuilder(URI.create(gateway + "/readyz")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && Files.readString(log).contains("Stop with Ctrl+C")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      demo.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError(
        "the demo was not ready within " + START + ":\n" + Files.readString(log));
  }

  private static void run(Path dir, List<String> command, Map<String, String> env)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
