package dev.keapgw.gateway.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.ApiKey;
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

  static ObjectNode key(ApiKey k) {
    return Json.object().put("id", k.id()).put("name", k.name())
        .put("created_time", Times.iso(k.createdAt())).put("last_used_time", Times.iso(k.lastUsedAt()));
  }

  /** {@code {"<name>": value}}. */
  static ObjectNode wrap(String name, ObjectNode value) {
    ObjectNode root = Json.object();
    root.set(name, value);
    return root;
  }
}
