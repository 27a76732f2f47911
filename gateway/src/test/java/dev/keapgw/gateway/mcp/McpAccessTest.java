package dev.keapgw.gateway.mcp;

import static dev.keapgw.gateway.mcp.McpClients.call;
import static dev.keapgw.gateway.mcp.McpClients.text;
import static dev.keapgw.gateway.mcp.McpEndpointTest.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may use /mcp and what for: keys, connections, read-only accounts; and its meters. */
class McpAccessTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @Test
  void aMissingOrBadKeyIsRefusedWith401BeforeTheMessageIsRead() throws Exception {
    // the head promises a body that never comes: an answer proves the server did not wait for it
    for (String auth : new String[] {"", "Authorization: Bearer kgw_not-a-key\r\n"}) {
      try (Socket s = new Socket("127.0.0.1", FIX.gateway().port())) {
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\n" + auth
                + "Content-Length: 100000\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(s.getInputStream());
        assertThat(head).startsWith("HTTP/1.1 401");
        assertThat(head).containsIgnoringCase("WWW-Authenticate: Bearer realm=\"keap-gateway\"");
        if (!auth.isEmpty()) {
          assertThat(head).contains("error=\"invalid_token\"");
        }
      }
    }
    TestHttp.Reply r = FIX.anonymous()
        .send(
            "POST",
            "/mcp",
            "application/json",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("unauthorized");
  }

  @Test
  void theSdkClientWithoutAValidKeyCannotInitialize() {
    McpSyncClient c = McpClients.of(FIX.gateway().baseUrl(), "kgw_wrong");
    assertThatThrownBy(c::initialize).isInstanceOf(RuntimeException.class);
    c.close();
  }

  @Test
  void aRevokedKeyIsRefusedAtItsNextMessage() {
    AccountService.NewAccount bob = FIX.newAccount("bob");
    McpSyncClient c = McpClients.connected(FIX.gateway().baseUrl(), bob.key().secret());
    assertThat(call(c, "whoami", Map.of()).isError()).isFalse();
    assertThat(FIX.admin().delete("/admin/keys/" + bob.key().key().id()).status())
        .isEqualTo(200);
    assertThatThrownBy(() -> call(c, "whoami", Map.of())).isInstanceOf(RuntimeException.class);
    c.close();
  }

  @Test
  void withoutAConnectionACallIsAToolErrorSayingHowToConnectWithTheUrl() {
    AccountService.NewAccount carol = FIX.newAccount("carol");
    McpSyncClient c = McpClients.connected(FIX.gateway().baseUrl(), carol.key().secret());
    McpSchema.CallToolResult none = call(c, "keap_list_contacts", Map.of("page_size", 1));
    assertThat(none.isError()).isTrue();
    assertThat(text(none)).contains("no_active_connection", "create_connection");
    assertThat(structured(none).at("/body/error/type").asText()).isEqualTo("no_active_connection");

    JsonNode created = structured(call(c, "create_connection", Map.of("app", "keap")));
    String url = created.at("/connection/url").asText();
    assertThat(url).startsWith(FIX.gateway().baseUrl() + "/connect?session_token=");
    McpSchema.CallToolResult pending = call(c, "run_action", Map.of("action", "listContacts"));
    assertThat(pending.isError()).isTrue();
    assertThat(text(pending))
        .contains(created.at("/connection/connection_id").asText())
        .contains("connect url: " + url);
    c.close();
  }

  @Test
  void aReadOnlyAccountSeesNoWritingToolsAndIsRefusedAWrite() {
    AccountService.NewAccount dave = FIX.newAccount("dave");
    DirectConnections.activate(FIX, dave.account().id());
    TestHttp.Reply set =
        FIX.admin().patch("/admin/accounts/" + dave.account().id(), Map.of("mcp_read_only", true));
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().at("/account/mcp_read_only").asBoolean()).isTrue();
    TestHttp http = FIX.as(dave.key().secret());
    int before = http.get("/keap/crm/rest/v2/contacts?page_size=1000")
        .json()
        .path("contacts")
        .size();

    McpSyncClient c = McpClients.connected(FIX.gateway().baseUrl(), dave.key().secret());
    List<String> names =
        c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    assertThat(names)
        .contains("keap_list_contacts", "run_action", "api")
        .doesNotContain(
            "keap_create_contact", "keap_delete_contact", "create_connection", "delete_connection");
    McpSchema.CallToolResult write = call(
        c, "run_action", Map.of("action", "createContact", "body", Map.of("given_name", "Nope")));
    assertThat(write.isError()).isTrue();
    assertThat(text(write)).contains("read-only MCP access");
    McpSchema.CallToolResult raw = call(
        c,
        "api",
        Map.of(
            "method",
            "POST",
            "path",
            "/keap/crm/rest/v2/contacts",
            "body",
            Map.of("given_name", "Nope")));
    assertThat(raw.isError()).isTrue();
    assertThat(text(raw)).contains("read-only");
    assertThat(call(c, "keap_list_contacts", Map.of("page_size", 1)).isError()).isFalse();
    assertThat(http.get("/keap/crm/rest/v2/contacts?page_size=1000")
            .json()
            .path("contacts")
            .size())
        .isEqualTo(before);

    assertThat(FIX.admin()
            .patch("/admin/accounts/" + dave.account().id(), Map.of("mcp_read_only", "yes"))
            .status())
        .isEqualTo(400);
    c.close();
  }

  @Test
  void toolCallsAreCountedByToolAndOutcomeOnMetrics() {
    AccountService.NewAccount erin = FIX.newAccount("erin");
    McpSyncClient c = McpClients.connected(FIX.gateway().baseUrl(), erin.key().secret());
    call(c, "whoami", Map.of());
    call(c, "keap_list_contacts", Map.of());
    String metrics = FIX.anonymous().get("/metrics").body();
    assertThat(metrics)
        .containsPattern(
            "gateway_mcp_tool_calls_total\\{[^}]*outcome=\"ok\",tool=\"whoami\"[^}]*} [1-9]");
    assertThat(metrics)
        .containsPattern(
            "gateway_mcp_tool_calls_total\\{[^}]*outcome=\"gateway_error\",tool=\"keap_list_contacts\"[^}]*} [1-9]");
    assertThat(metrics)
        .containsPattern("gateway_mcp_messages_total\\{[^}]*method=\"initialize\"[^}]*} [1-9]");
    c.close();
  }

  @Test
  void getAndDeleteAreNotServedByAStatelessEndpoint() {
    AccountService.NewAccount frank = FIX.newAccount("frank");
    TestHttp.Reply get = FIX.as(frank.key().secret()).get("/mcp");
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.header("Allow")).isEqualTo("POST");
    TestHttp.Reply garbage =
        FIX.as(frank.key().secret()).send("POST", "/mcp", "application/json", "{not json");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.json().at("/error/code").asInt()).isEqualTo(-32700);
    TestHttp.Reply foreign = new TestHttp(
            FIX.gateway().baseUrl(),
            Map.of(
                "Authorization",
                "Bearer " + frank.key().secret(),
                "Origin",
                "https://evil.example"))
        .send(
            "POST",
            "/mcp",
            "application/json",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    assertThat(foreign.status()).isEqualTo(403);
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      b.append((char) c);
      if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return b.toString();
  }
}
