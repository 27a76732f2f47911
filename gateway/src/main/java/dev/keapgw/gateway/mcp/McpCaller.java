package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.account.Principal;
import io.vertx.core.net.SocketAddress;

/**
 * Who an MCP message comes from, as the endpoint authenticated it, and what a tool needs to act
 * as them. Kept in memory for one message only; {@link #toString} leaves the key out.
 *
 * @param principal the account and key behind the {@code Authorization} header
 * @param authorization the header as the caller sent it, for the data plane to check again
 * @param requestId the MCP request's id ({@code X-Request-Id}), reused by the data-plane calls it makes
 * @param listener where this gateway's listener is reached from inside the process
 *     ({@code 127.0.0.1:8080}): the address the MCP request came in on
 */
public record McpCaller(
    Principal principal, String authorization, String requestId, SocketAddress listener) {
  /** The key in the SDK's transport context under which a message's caller travels. */
  static final String CONTEXT_KEY = "keapgw.caller";

  @Override
  public String toString() {
    return "McpCaller[account=" + principal.accountId() + " key=" + principal.keyId() + " request="
        + requestId + "]";
  }
}
