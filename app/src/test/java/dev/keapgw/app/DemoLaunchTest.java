package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.TestHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keap-gateway demo} on free ports: it prints what to paste, and what it prints works. */
class DemoLaunchTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void printsTheKeyItMadeAndACurlLineThatWorks(@TempDir Path tmp) {
    AtomicReference<String> gateway = new AtomicReference<>();
    AtomicReference<String> key = new AtomicReference<>();
    AtomicReference<String> connection = new AtomicReference<>();
    AtomicReference<TestHttp.Reply> contacts = new AtomicReference<>();
    AtomicReference<Object> whoami = new AtomicReference<>();
    int code = run(
        Map.of(),
        demo -> {
          gateway.set(demo.gatewayUrl());
          key.set(demo.apiKey());
          connection.set(demo.connectionId());
          contacts.set(TestHttp.bearer(demo.gatewayUrl(), demo.apiKey())
              .get("/keap/crm/rest/v2/contacts?page_size=2"));
          // the MCP url the banner prints answers an agent with the printed key
          var mcp = io.modelcontextprotocol.client.McpClient.sync(
                  io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport
                      .builder(demo.gatewayUrl())
                      .endpoint("/mcp")
                      .httpRequestCustomizer((b, m, u, body, c) ->
                          b.header("Authorization", "Bearer " + demo.apiKey()))
                      .build())
              .requestTimeout(java.time.Duration.ofSeconds(60))
              .build();
          mcp.initialize();
          whoami.set(mcp.callTool(
                  new io.modelcontextprotocol.spec.McpSchema.CallToolRequest("whoami", Map.of()))
              .structuredContent());
          mcp.close();
        },
        "demo",
        "--port",
        "0",
        "--sandbox-port",
        "0",
        "--data-dir",
        tmp.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(contacts.get().status()).isEqualTo(200);
    assertThat(contacts.get().json().path("contacts")).hasSize(2);
    assertThat(out.toString())
        .contains("  gateway      " + gateway.get())
        .contains("  API key      " + key.get() + "  (new, kept in " + tmp.resolve("demo-api-key"))
        .contains("  connection   " + connection.get() + "  ACTIVE, Keap tenant kx101")
        .contains("  MCP          " + gateway.get() + "/mcp  (for AI agents")
        .contains("  export MATON_API_KEY=" + key.get()
            + "\n  curl -H \"Authorization: Bearer $MATON_API_KEY\" '" + gateway.get()
            + "/keap/crm/rest/v2/contacts?page_size=2'");
    assertThat(String.valueOf(whoami.get())).contains("name=demo");
  }

  @Test
  void aKeyFromMatonApiKeyIsUsedButNeverPrinted(@TempDir Path tmp) {
    String mine = "maton-key-from-the-user-42";
    AtomicReference<Integer> status = new AtomicReference<>();
    int code = run(
        Map.of("MATON_API_KEY", mine, "KEAPGW_DATA_DIR", tmp.toString()),
        demo -> status.set(TestHttp.bearer(demo.gatewayUrl(), mine)
            .get("/keap/crm/rest/v2/contacts?page_size=1")
            .status()),
        "demo",
        "--port",
        "0",
        "--sandbox-port",
        "0");
    assertThat(code).as(err.toString()).isZero();
    assertThat(status.get()).isEqualTo(200);
    assertThat(out.toString())
        .contains("API key      from MATON_API_KEY (not shown)", "Bearer $MATON_API_KEY")
        .doesNotContain(mine, "export MATON_API_KEY");
    assertThat(err.toString()).doesNotContain(mine);
  }

  @Test
  void aPortInUseIsAOneLineFailureNamingTheOption(@TempDir Path tmp) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int code = run(
          Map.of(),
          d -> {},
          "demo",
          "--port",
          "0",
          "--sandbox-port",
          Integer.toString(taken.getLocalPort()),
          "--data-dir",
          tmp.toString());
      assertThat(code).isEqualTo(1);
    }
    assertThat(err.toString())
        .startsWith("keap-gateway demo: the sandbox cannot listen on")
        .contains("--sandbox-port")
        .doesNotContain("\tat ");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  void aGatewayPortInUseNamesTheGatewaysOption(@TempDir Path tmp) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int code = run(
          Map.of(),
          d -> {},
          "demo",
          "--port",
          Integer.toString(taken.getLocalPort()),
          "--sandbox-port",
          "0",
          "--data-dir",
          tmp.toString());
      assertThat(code).isEqualTo(1);
    }
    assertThat(err.toString())
        .startsWith("keap-gateway demo: the gateway cannot listen on")
        .contains("(choose another port with --port)")
        .doesNotContain("--sandbox-port", "\tat ");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  private int run(
      Map<String, String> env, Lifetime<dev.keapgw.app.demo.RunningDemo> lifetime, String... args) {
    return Main.commandLine(
            env,
            Lifetimes.none().withDemo(lifetime),
            new PrintWriter(out, true),
            new PrintWriter(err, true))
        .execute(args);
  }
}
