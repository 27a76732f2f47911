package dev.keapgw.gateway.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool the endpoint lists: its name, what it is for, its input and output schemas, the
 * hints an agent reads before calling it, and what it does.
 *
 * @param writes whether calling it changes data (refused for read-only callers, hidden from them)
 */
record McpTool(
    String name,
    String title,
    String description,
    ObjectNode input,
    ObjectNode output,
    Hints hints,
    boolean writes,
    Handler handler) {

  /** What a tool does with its caller's arguments; runs on a virtual thread and may block. */
  @FunctionalInterface
  interface Handler {
    ToolResults.Answer call(McpCaller caller, Args args);
  }

  /**
   * MCP's tool annotations, from the HTTP method a tool uses: GET reads; DELETE, PUT and PATCH
   * may destroy what was there; DELETE and PUT give the same result when repeated; POST adds.
   */
  record Hints(boolean readOnly, boolean destructive, boolean idempotent) {
    static final Hints READ = new Hints(true, false, true);

    static Hints of(String method) {
      return switch (method) {
        case "GET", "HEAD" -> READ;
        case "DELETE", "PUT" -> new Hints(false, true, true);
        case "PATCH" -> new Hints(false, true, false);
        default -> new Hints(false, false, false);
      };
    }
  }
}
