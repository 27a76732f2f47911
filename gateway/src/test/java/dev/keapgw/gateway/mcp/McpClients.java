package dev.keapgw.gateway.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;

/** The official MCP Java SDK's client, pointed at a gateway's {@code /mcp} with an API key. */
final class McpClients {
  private McpClients() {}

  /** A client that has not yet sent anything. */
  static McpSyncClient of(String gatewayBaseUrl, String apiKey) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
            gatewayBaseUrl)
        .endpoint("/mcp")
        .httpRequestCustomizer((builder, method, uri, body, context) ->
            builder.header("Authorization", "Bearer " + apiKey))
        .build();
    // the client checks every successful result against its tool's output schema (listed first):
    // the server leaves that check to clients (ArgumentValidator)
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(60))
        .enableCallToolSchemaCaching(true)
        .build();
  }

  /** A client that has completed the initialize handshake. */
  static McpSyncClient connected(String gatewayBaseUrl, String apiKey) {
    McpSyncClient c = of(gatewayBaseUrl, apiKey);
    c.initialize();
    return c;
  }

  static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
    return c.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  /** The result's text, all of it. */
  static String text(McpSchema.CallToolResult r) {
    StringBuilder b = new StringBuilder();
    r.content()
        .forEach(c -> b.append(c instanceof McpSchema.TextContent t ? t.text() : c.toString()));
    return b.toString();
  }
}
