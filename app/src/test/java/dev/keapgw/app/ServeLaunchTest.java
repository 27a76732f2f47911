package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.FreePort;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.TestHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keap-gateway serve} started in-process against a sandbox: it listens, says where, and shows no secret. */
class ServeLaunchTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void startsPrintsWhatToRegisterAndNoSecret(@TempDir Path tmp) {
    AtomicReference<String> base = new AtomicReference<>();
    AtomicReference<List<Integer>> statuses = new AtomicReference<>();
    try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withPort(0))) {
      String up = sandbox.baseUrl();
      Map<String, String> env = Map.of(
          "KEAPGW_CLIENT_SECRET",
          "the-client-secret",
          "KEAPGW_ENCRYPTION_KEY",
          ServeCommandTest.KEY,
          "KEAPGW_ADMIN_TOKEN",
          "the-admin-token-0123456789abcdef");
      int code = Main.commandLine(
              env,
              Lifetimes.none().withServe(gateway -> {
                base.set(gateway.baseUrl());
                TestHttp anonymous = new TestHttp(gateway.baseUrl(), Map.of());
                statuses.set(List.of(
                    anonymous.get("/healthz").status(),
                    anonymous.get("/readyz").status(),
                    TestHttp.bearer(gateway.baseUrl(), "the-admin-token-0123456789abcdef")
                        .get("/admin/accounts")
                        .status()));
              }),
              new PrintWriter(out, true),
              new PrintWriter(err, true))
          .execute(
              "serve",
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(FreePort.find()),
              "--public-url",
              "https://gw.example.com",
              "--client-id",
              "my-keap-app",
              "--upstream-url",
              up,
              "--authorize-url",
              up + "/app/oauth/authorize",
              "--token-url",
              up + "/token",
              "--data-dir",
              tmp.toString(),
              "--mcp-read-only",
              "--db-url",
              "jdbc:h2:mem:serve-launch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=pw123");
      assertThat(code).as(err.toString()).isZero();
    }
    assertThat(statuses.get()).containsExactly(200, 200, 200);
    assertThat(out.toString())
        .contains("keap-gateway listening on " + base.get())
        .contains("redirect URI   https://gw.example.com/oauth/callback")
        .contains("client_id      my-keap-app", "admin API      on", "external database (--db-url)")
        .contains("MCP            " + base.get() + "/mcp  (read-only: --mcp-read-only)")
        .contains("console        " + base.get() + "/console  (operator: /console/admin)")
        // next steps, like the demo's: an account and key, a connection, a call, the sandbox
        // pairing
        .contains(
            "KEAP_GATEWAY_URL=https://gw.example.com ./keap-gateway admin accounts create --name <name>")
        .contains(
            "curl -s https://gw.example.com/connections -H \"Authorization: Bearer $MATON_API_KEY\"")
        .contains("'https://gw.example.com/keap/crm/rest/v2/contacts?page_size=2'")
        .contains("--redirect-uri https://gw.example.com/oauth/callback", "docs/DEPLOY.md")
        .doesNotContain(
            "the-client-secret", "the-admin-token-0123456789abcdef", ServeCommandTest.KEY, "pw123");
  }
}
