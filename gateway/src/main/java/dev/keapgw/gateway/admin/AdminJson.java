package dev.keapgw.gateway.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.ApiKey;
import dev.keapgw.gateway.connection.ConnectionCaps;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;

/** Accounts and keys as the admin API shows them; a key never with its secret. */
final class AdminJson {
  private AdminJson() {}

  /**
   * {@code rate_limit_per_second} is null while the account uses the gateway's default;
   * {@code mcp_read_only} says whether its MCP tools may only read.
   */
  static ObjectNode account(Account a) {
    ObjectNode o = Json.object().put("id", a.id()).put("name", a.name());
    o.put("rate_limit_per_second", a.rateLimitPerSecond());
    o.put("mcp_read_only", a.mcpReadOnly());
    return o.put("created_time", Times.iso(a.createdAt()));
  }

  /**
   * With the account's caps on connections: {@code max_connections} and
   * {@code max_pending_connections}, each null while the account uses the gateway's default
   * ({@code default_max_connections}, {@code default_max_pending_connections}).
   */
  static ObjectNode account(Account a, ConnectionCaps caps) {
    ObjectNode o = account(a);
    o.setAll(caps(caps));
    return o;
  }

  static ObjectNode caps(ConnectionCaps caps) {
    ObjectNode o = Json.object();
    o.put("max_connections", caps.all());
    o.put("max_pending_connections", caps.pending());
    o.put("default_max_connections", ConnectionCaps.DEFAULT_ALL);
    o.put("default_max_pending_connections", ConnectionCaps.DEFAULT_PENDING);
    return o;
  }

  static ObjectNode key(ApiKey k) {
    return Json.object()
        .put("id", k.id())
        .put("name", k.name())
        .put("created_time", Times.iso(k.createdAt()))
        .put("last_used_time", Times.iso(k.lastUsedAt()));
  }

  /** {@code {"<name>": value}}. */
  static ObjectNode wrap(String name, ObjectNode value) {
    ObjectNode root = Json.object();
    root.set(name, value);
    return root;
  }
}
