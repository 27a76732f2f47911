package dev.keapgw.gateway.mcp;

import static dev.keapgw.gateway.mcp.McpClients.call;
import static dev.keapgw.gateway.mcp.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.sandbox.TestHttp;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The official MCP SDK's client against a real gateway in front of the sandbox. */
class McpEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static Path accessLog;

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> {
    accessLog = g.dataDir().resolve("access.log");
    return g.withAccessLog(AccessLogTarget.file(accessLog));
  });

  static AccountService.NewAccount alice;
  static String connection;
  static McpSyncClient client;

  @BeforeAll
  static void connect() {
    alice = FIX.newAccount("alice");
    connection = DirectConnections.activate(FIX, alice.account().id());
    client = McpClients.connected(FIX.gateway().baseUrl(), alice.key().secret());
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  void initializeNegotiatesTheCurrentRevisionAndListsTheTools() {
    McpSchema.InitializeResult init = client.getCurrentInitializationResult();
    assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
    assertThat(init.serverInfo().name()).isEqualTo("keap-gateway");
    assertThat(init.capabilities().tools()).isNotNull();

    List<McpSchema.Tool> tools = client.listTools().tools();
    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .contains(
            "whoami",
            "list_connections",
            "get_connection",
            "create_connection",
            "delete_connection",
            "search_apps",
            "search_actions",
            "get_action",
            "run_action",
            "api",
            "keap_list_contacts",
            "keap_create_contact",
            "keap_apply_tags",
            "keap_delete_contact");
    McpSchema.Tool list = tool(tools, "keap_list_contacts");
    JsonNode input = JSON.valueToTree(list.inputSchema());
    assertThat(input.path("properties").has("filter")).isTrue();
    assertThat(input.path("properties").has("order_by")).isTrue();
    assertThat(input.path("properties").has("page_size")).isTrue();
    assertThat(input.path("properties").has("page_token")).isTrue();
    assertThat(list.annotations().readOnlyHint()).isTrue();
    assertThat(list.outputSchema()).containsKey("properties");
    McpSchema.Tool delete = tool(tools, "keap_delete_contact");
    assertThat(delete.annotations().readOnlyHint()).isFalse();
    assertThat(delete.annotations().destructiveHint()).isTrue();
    assertThat(delete.annotations().idempotentHint()).isTrue();
    McpSchema.Tool create = tool(tools, "keap_create_contact");
    assertThat(create.annotations().destructiveHint()).isFalse();
    assertThat(create.annotations().idempotentHint()).isFalse();
    assertThat(JSON.valueToTree(tool(tools, "search_actions").inputSchema())
            .path("required")
            .toString())
        .isEqualTo("[\"app\",\"query\"]");
  }

  @Test
  void whoamiAndListConnectionsAnswerAsTheHttpRoutes() {
    McpSchema.CallToolResult me = call(client, "whoami", Map.of());
    assertThat(me.isError()).isFalse();
    JsonNode json = structured(me);
    assertThat(json.at("/account/id").asText()).isEqualTo(alice.account().id());
    assertThat(json.at("/key/id").asText()).isEqualTo(alice.key().key().id());
    assertThat(json.at("/mcp/read_only").asBoolean()).isFalse();
    assertThat(text(me)).contains(alice.account().id());

    JsonNode conns =
        structured(call(client, "list_connections", Map.of("app", "keap", "status", "ACTIVE")));
    assertThat(conns.path("connections")).hasSize(1);
    assertThat(conns.at("/connections/0/connection_id").asText()).isEqualTo(connection);
    assertThat(conns.at("/connections/0/status").asText()).isEqualTo("ACTIVE");
    JsonNode one = structured(call(client, "get_connection", Map.of("connection_id", connection)));
    assertThat(one.at("/connection/connection_id").asText()).isEqualTo(connection);
  }

  @Test
  void searchActionsFindsApplyTagsFirst() {
    JsonNode found = structured(call(
        client,
        "search_actions",
        Map.of("app", "keap", "query", "apply tag to contacts", "limit", 3)));
    assertThat(found.path("actions")).hasSizeLessThanOrEqualTo(3);
    JsonNode first = found.at("/actions/0");
    assertThat(first.path("action").asText()).isEqualTo("applyTags");
    assertThat(first.path("method").asText()).isEqualTo("POST");
    assertThat(first.path("path").asText())
        .isEqualTo("/keap/crm/rest/v2/tags/{tag_id}/contacts:applyTags");
    JsonNode action = structured(call(client, "get_action", Map.of("action", "applyTags")));
    assertThat(action.at("/path_params/0/name").asText()).isEqualTo("tag_id");
    assertThat(action.at("/body/schema/$defs/ApplyRemoveTagRequest/properties").has("contact_ids"))
        .isTrue();
  }

  @Test
  void runActionListsTheSameContactsAsTheHttpRouteAndIsLoggedAsMcp() throws Exception {
    McpSchema.CallToolResult r = call(
        client,
        "run_action",
        Map.of("action", "listContacts", "query", Map.of("page_size", 3, "order_by", "id")));
    assertThat(r.isError()).isFalse();
    JsonNode viaMcp = structured(r);
    assertThat(viaMcp.path("status").asInt()).isEqualTo(200);
    TestHttp.Reply http =
        FIX.as(alice.key().secret()).get("/keap/crm/rest/v2/contacts?page_size=3&order_by=id");
    assertThat(http.status()).isEqualTo(200);
    assertThat(viaMcp.path("body")).isEqualTo(http.json());
    assertThat(viaMcp.at("/body/contacts")).hasSize(3);
    assertThat(JSON.readTree(text(r))).isEqualTo(viaMcp);

    String line = McpLogLines.await(accessLog, l -> l.contains(" via=mcp:run_action"));
    assertThat(line)
        .contains(
            "path=/keap/crm/rest/v2/contacts status=200",
            "account=" + alice.account().id(),
            "key=" + alice.key().key().id(),
            "connection=" + connection)
        .doesNotContain(alice.key().secret());
  }

  @Test
  void aCallerCannotLabelItsOwnRequestAsMcp() throws Exception {
    TestHttp spoof = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of(
            "Authorization",
            "Bearer " + alice.key().secret(),
            "Maton-Origin",
            "0000 mcp:spoofed",
            "X-Request-Id",
            "spoof-origin-1"));
    assertThat(spoof.get("/keap/crm/rest/v2/contacts?page_size=1").status()).isEqualTo(200);
    String line = McpLogLines.await(accessLog, l -> l.contains("request_id=spoof-origin-1 "));
    assertThat(line).doesNotContain("via=");
  }

  @Test
  void aContactCreatedThenDeletedWithTheTypedTools() {
    McpSchema.CallToolResult created = call(
        client,
        "keap_create_contact",
        Map.of(
            "body",
            Map.of(
                "given_name",
                "Grace",
                "family_name",
                "Hopper",
                "email_addresses",
                List.of(Map.of("email", "grace@example.com", "field", "EMAIL1")))));
    assertThat(created.isError()).as(text(created)).isFalse();
    JsonNode c = structured(created);
    assertThat(c.path("status").asInt()).isEqualTo(201);
    String id = c.at("/body/id").asText();
    assertThat(FIX.as(alice.key().secret())
            .get("/keap/crm/rest/v2/contacts/" + id)
            .json()
            .path("given_name")
            .asText())
        .isEqualTo("Grace");

    McpSchema.CallToolResult deleted =
        call(client, "keap_delete_contact", Map.of("contact_id", id));
    assertThat(deleted.isError()).as(text(deleted)).isFalse();
    JsonNode d = structured(deleted);
    assertThat(d.path("status").asInt()).isEqualTo(204);
    assertThat(d.path("body").isNull()).isTrue();
    assertThat(
            FIX.as(alice.key().secret()).get("/keap/crm/rest/v2/contacts/" + id).status())
        .isEqualTo(404);
  }

  @Test
  void apiSendsAnyDataPlaneRequest() {
    JsonNode tags = structured(call(
        client,
        "api",
        Map.of(
            "method", "GET", "path", "/keap/crm/rest/v2/tags", "query", Map.of("page_size", 2))));
    assertThat(tags.path("status").asInt()).isEqualTo(200);
    assertThat(tags.at("/body/tags")).hasSize(2);
    assertThat(tags.at("/body"))
        .isEqualTo(FIX.as(alice.key().secret())
            .get("/keap/crm/rest/v2/tags?page_size=2")
            .json());
  }

  @Test
  void aKeap404IsAnErrorResultWithKeapsStatusAndBody() {
    McpSchema.CallToolResult r =
        call(client, "keap_get_contact", Map.of("contact_id", "987654321"));
    assertThat(r.isError()).isTrue();
    JsonNode j = structured(r);
    assertThat(j.path("status").asInt()).isEqualTo(404);
    assertThat(j.at("/body/status").asText()).isEqualTo("NOT_FOUND");
    assertThat(text(r)).contains("404");
  }

  @Test
  void badArgumentsAreToolErrorsThatSayWhatToChange() {
    McpSchema.CallToolResult unknown = call(client, "run_action", Map.of("action", "noSuchAction"));
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).contains("Unknown action 'noSuchAction'", "search_actions");
    McpSchema.CallToolResult missing = call(client, "run_action", Map.of("action", "getContact"));
    assertThat(missing.isError()).isTrue();
    assertThat(text(missing)).contains("path_params.contact_id is required");
    McpSchema.CallToolResult notDataPlane =
        call(client, "api", Map.of("method", "GET", "path", "/admin/accounts"));
    assertThat(notDataPlane.isError()).isTrue();
    assertThat(text(notDataPlane)).contains("data-plane path");
  }

  static McpSchema.Tool tool(List<McpSchema.Tool> tools, String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  static JsonNode structured(McpSchema.CallToolResult r) {
    assertThat(r.structuredContent()).as(text(r)).isNotNull();
    return JSON.valueToTree(r.structuredContent());
  }
}
