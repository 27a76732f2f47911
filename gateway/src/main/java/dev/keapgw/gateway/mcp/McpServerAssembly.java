package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.mcp.catalog.ActionCatalog;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tools and the SDK's server behind {@code /mcp}, put together once, at the endpoint's
 * first message (reading Keap's spec takes about a second; a gateway whose MCP endpoint is not
 * used never pays it).
 */
final class McpServerAssembly {
  static final String INSTRUCTIONS = """
      keap-gateway: call the Keap CRM API through this gateway's API key and OAuth connections.
      Start with whoami and list_connections. If there is no ACTIVE keap connection, call
      create_connection {"app":"keap"} and ask the user to open the url it answers.
      For everyday work use the keap_* tools (keap_list_contacts, keap_create_contact,
      keap_apply_tags, ...). For anything else: search_actions {"app":"keap","query":"..."},
      then get_action for its parameters, then run_action. The api tool sends any request to a
      data-plane path such as /keap/crm/rest/v2/contacts. Calls answer {status, body}; an error
      result carries Keap's status and body, or says what to do when the gateway refused.
      Ask the user before deleting anything.""";

  private McpServerAssembly() {}

  /** The transport of a new server with every tool; {@code gatewayReadOnly} leaves the writing tools out. */
  static Built build(GatewayServices s, boolean gatewayReadOnly, McpMetrics metrics) {
    McpAccess access = new McpAccess(gatewayReadOnly);
    ConnectionService connections = ConnectionService.of(s);
    Set<String> apps = s.config().apps().keySet();
    ActionTools actions =
        new ActionTools(apps, app -> app.equals(ActionCatalog.KEAP) ? ActionCatalog.keap() : null);
    // longer than the data plane's own wait for the upstream, so that its 504 is what comes back
    Duration timeout =
        s.config().timeouts().response().plus(s.config().timeouts().connect()).plusSeconds(10);
    ApiCalls calls = new ApiCalls(new LoopbackDataPlane(timeout), connections, access);
    List<McpTool> tools = new ArrayList<>();
    tools.addAll(new ControlTools(connections, access).tools());
    tools.addAll(actions.tools());
    tools.addAll(new CallTools(calls, actions, apps).tools());
    if (apps.contains(ActionCatalog.KEAP)) {
      tools.addAll(new TypedTools(calls).tools(ActionCatalog.keap()));
    }
    if (gatewayReadOnly) {
      tools.removeIf(McpTool::writes);
    }
    Set<String> writing =
        tools.stream().filter(McpTool::writes).map(McpTool::name).collect(Collectors.toSet());
    McpTools specs = new McpTools(metrics);
    McpTransport transport = new McpTransport();
    McpStatelessSyncServer server = McpServer.sync(transport)
        .serverInfo("keap-gateway", version())
        .instructions(INSTRUCTIONS)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        // the endpoint already runs each message on a virtual thread of its own
        .immediateExecution(true)
        .validateToolInputs(true)
        // arguments are checked against their schemas; results of the gateway's making are not,
        // every time
        .jsonSchemaValidator(new ArgumentValidator(McpJsonDefaults.getSchemaValidator()))
        // a read-only account does not see the tools it may not use
        .addToolFilter((McpTransportContext ctx, McpSchema.Tool t) -> !writing.contains(t.name())
            || access.writesAllowed((McpCaller) ctx.get(McpCaller.CONTEXT_KEY)))
        .tools(tools.stream().map(specs::spec).toList())
        .build();
    return new Built(transport, server, tools.size());
  }

  /** The assembled endpoint: the transport messages go to, and the server it keeps alive. */
  record Built(McpTransport transport, McpStatelessSyncServer server, int toolCount) {}

  private static String version() {
    String v = McpServerAssembly.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }
}
