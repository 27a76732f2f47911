package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keap-gateway sandbox --port 0} started in-process: it listens, says where, and answers. */
class SandboxLaunchTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void startsPrintsWhereItListensAndAnswers() {
    AtomicReference<String> stats = new AtomicReference<>();
    AtomicReference<String> base = new AtomicReference<>();
    int code = Main.commandLine(
            Map.of("KEAP_SANDBOX_TENANTS", "1"),
            Lifetimes.none().withSandbox(sandbox -> {
              base.set(sandbox.baseUrl());
              stats.set(get(sandbox.baseUrl() + "/_sandbox/stats"));
            }),
            new PrintWriter(out, true),
            new PrintWriter(err, true))
        .execute("sandbox", "--port", "0", "--client-id", "my-app", "--no-quotas");
    assertThat(code).as(err.toString()).isZero();
    assertThat(stats.get()).contains("\"requests\"");
    assertThat(out.toString())
        .contains("Keap sandbox listening on " + base.get())
        .contains(
            "client_id      my-app",
            "client_secret  sandbox-secret",
            "redirect_uri   http://localhost:8080/oauth/callback")
        .contains("kx101  kx101.infusionsoft.com")
        .doesNotContain("kx102")
        .contains(
            "/app/oauth/authorize?client_id=my-app&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Foauth%2Fcallback")
        .contains("curl -s " + base.get() + "/_sandbox/stats");
  }

  @Test
  void aDataDirThatIsAFileIsAOneLineFailure(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    int code = Main.commandLine(
            Map.of(), Lifetimes.none(), new PrintWriter(out, true), new PrintWriter(err, true))
        .execute("sandbox", "--port", "0", "--data-dir", file.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("keap-gateway sandbox: cannot use the data directory " + file
            + " (--data-dir): it exists and is not a directory")
        .doesNotContain("\tat ");
  }

  private static String get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
