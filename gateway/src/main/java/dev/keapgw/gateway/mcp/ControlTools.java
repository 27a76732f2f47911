package dev.keapgw.gateway.mcp;

import static dev.keapgw.gateway.mcp.Schemas.object;
import static dev.keapgw.gateway.mcp.Schemas.prop;
import static dev.keapgw.gateway.mcp.Schemas.string;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionJson;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.http.Json;
import java.util.List;

/**
 * Maton's control-plane tools, on the gateway's services (the same ones {@code /user} and
 * {@code /connections} use): {@code whoami}, {@code list_connections}, {@code get_connection},
 * {@code create_connection}, {@code delete_connection}. Answers are the HTTP routes' JSON.
 */
final class ControlTools {
  private final ConnectionService connections;
  private final McpAccess access;

  ControlTools(ConnectionService connections, McpAccess access) {
    this.connections = connections;
    this.access = access;
  }

  List<McpTool> tools() {
    return List.of(
        new McpTool(
            "whoami",
            "Who am I",
            "The account and API key this MCP session acts as, and whether its"
                + " MCP access is read-only. The quickest check that the key works.",
            object(),
            object(),
            McpTool.Hints.READ,
            false,
            (c, a) -> whoami(c)),
        new McpTool(
            "list_connections",
            "List connections",
            "This account's connections to apps (Keap accounts"
                + " authorized through OAuth), oldest first. A data call uses the oldest ACTIVE one unless told"
                + " otherwise.",
            prop(
                prop(object(), "app", string(), "only this app, e.g. keap", false),
                "status",
                Schemas.stringEnum("PENDING", "ACTIVE", "FAILED"),
                "only connections in this state",
                false),
            object(),
            McpTool.Hints.READ,
            false,
            (c, a) -> list(c, a)),
        new McpTool(
            "get_connection",
            "Get a connection",
            "One connection by id, with its status and its"
                + " connect url (open it in a browser to authorize or reconnect).",
            idArg(),
            object(),
            McpTool.Hints.READ,
            false,
            (c, a) -> ToolResults.ok(
                wrapped(connections.get(c.principal().accountId(), a.text("connection_id"))))),
        new McpTool(
            "create_connection",
            "Create a connection",
            "Starts a new connection to an app: answers"
                + " a PENDING connection with a 'url' that the user must open in a browser to sign in to the app"
                + " and authorize it. Show the url to the user.",
            prop(object(), "app", string(), "the app to connect, e.g. keap", true),
            object(),
            new McpTool.Hints(false, false, false),
            true,
            (c, a) -> create(c, a)),
        new McpTool(
            "delete_connection",
            "Delete a connection",
            "Deletes one of this account's connections;"
                + " data calls can no longer use it. Nothing is revoked at the app.",
            idArg(),
            object(),
            new McpTool.Hints(false, true, true),
            true,
            (c, a) -> delete(c, a)));
  }

  private static ObjectNode idArg() {
    return prop(object(), "connection_id", string(), "the connection's id (a UUID)", true);
  }

  private ToolResults.Answer whoami(McpCaller c) {
    ObjectNode out = Json.object();
    out.putObject("account")
        .put("id", c.principal().accountId())
        .put("name", c.principal().account().name());
    out.putObject("key").put("id", c.principal().keyId());
    out.putObject("mcp").put("read_only", !access.writesAllowed(c));
    return ToolResults.ok(out);
  }

  private ToolResults.Answer list(McpCaller c, Args a) {
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("connections");
    connections
        .list(c.principal().accountId(), a.optionalText("app"), a.optionalText("status"))
        .forEach(conn -> list.add(ConnectionJson.of(conn, connections.connectUrl(conn))));
    return ToolResults.ok(out);
  }

  private ToolResults.Answer create(McpCaller c, Args a) {
    access.requireWrite(c, "create_connection");
    Connection conn = connections.create(c.principal().accountId(), a.text("app"));
    return ToolResults.ok(wrapped(conn));
  }

  private ToolResults.Answer delete(McpCaller c, Args a) {
    access.requireWrite(c, "delete_connection");
    Connection conn = connections.delete(c.principal().accountId(), a.text("connection_id"));
    ObjectNode out = ConnectionJson.wrapped(conn, null);
    out.put("deleted", true);
    return ToolResults.ok(out);
  }

  private ObjectNode wrapped(Connection conn) {
    return ConnectionJson.wrapped(conn, connections.connectUrl(conn));
  }
}
