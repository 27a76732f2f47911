package dev.keapgw.gateway.mcp;

/**
 * Whether a caller's tools may change anything: not when the gateway runs with
 * {@code --mcp-read-only}, nor for an account the operator made read-only for MCP
 * ({@code PATCH /admin/accounts/{id}} with {@code {"mcp_read_only":true}}). Reads are always allowed.
 */
record McpAccess(boolean gatewayReadOnly) {
  boolean writesAllowed(McpCaller caller) {
    return !gatewayReadOnly && !caller.principal().account().mcpReadOnly();
  }

  /** Refuses a write by a read-only caller, naming what was refused and why. */
  void requireWrite(McpCaller caller, String what) {
    if (gatewayReadOnly) {
      throw ToolFailure.readOnly(
          "Refused: " + what + " would change data, and this gateway's MCP endpoint is"
              + " read-only (started with --mcp-read-only). Only reading tools and GET requests work here.");
    }
    if (caller.principal().account().mcpReadOnly()) {
      throw ToolFailure.readOnly(
          "Refused: " + what + " would change data, and this API key's account has"
              + " read-only MCP access (set by the gateway's operator). Only reading tools and GET requests work.");
    }
  }
}
