package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.http.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP message answered, on a virtual thread: a request gets its JSON-RPC response as
 * {@code application/json} (200), a notification or a response from the client is taken with
 * 202, and a message that is not JSON-RPC gets a JSON-RPC parse error (400).
 */
final class McpExchange {
  private static final Logger LOG = LoggerFactory.getLogger(McpExchange.class);
  /** Methods counted by name on /metrics; any other is counted as "other". */
  private static final Set<String> METHODS = Set.of(
      "initialize",
      "ping",
      "tools/list",
      "tools/call",
      "resources/list",
      "prompts/list",
      "notifications/initialized");

  private final McpJsonMapper json = McpJsonDefaults.getMapper();
  private final Supplier<McpTransport> transport;
  private final McpMetrics metrics;

  McpExchange(Supplier<McpTransport> transport, McpMetrics metrics) {
    this.transport = transport;
    this.metrics = metrics;
  }

  void answer(HttpServerResponse res, McpCaller caller, String body) {
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, body);
    } catch (Exception e) {
      jsonRpcError(
          res,
          400,
          null,
          -32700,
          "Parse error: the body must be one JSON-RPC 2.0 message"
              + " (a request or a notification).");
      return;
    }
    Object id = message instanceof McpSchema.JSONRPCRequest r ? r.id() : null;
    try {
      switch (message) {
        case McpSchema.JSONRPCRequest r -> {
          metrics.message(METHODS.contains(r.method()) ? r.method() : "other");
          McpSchema.JSONRPCResponse response = transport.get().request(caller, r);
          res.setStatusCode(200)
              .putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "no-store")
              .end(Buffer.buffer(json.writeValueAsBytes(response)));
        }
        case McpSchema.JSONRPCNotification n -> {
          metrics.message(METHODS.contains(n.method()) ? n.method() : "other");
          transport.get().notification(caller, n);
          res.setStatusCode(202).end();
        }
        default ->
          res.setStatusCode(202).end(); // a response: this server sends no requests to answer
      }
    } catch (Exception e) {
      LOG.error("gateway bug answering an MCP message (request {})", caller.requestId(), e);
      jsonRpcError(
          res,
          500,
          id,
          -32603,
          "Internal error in the gateway (request id " + caller.requestId() + ").");
    }
  }

  /** A JSON-RPC error as the whole answer. */
  static void jsonRpcError(
      HttpServerResponse res, int status, Object id, int code, String message) {
    var root = Json.object().put("jsonrpc", "2.0");
    if (id == null) {
      root.putNull("id");
    } else {
      root.set("id", Json.MAPPER.valueToTree(id));
    }
    root.putObject("error").put("code", code).put("message", message);
    res.setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(Json.bytes(root)));
  }
}
