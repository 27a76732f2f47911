package dev.keapgw.sandbox.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import dev.keapgw.sandbox.users.UsersModule;

/**
 * What the sandbox answers on the person's behalf when it approves without a consent page
 * (and which account the consent page offers first): a tenant (null: the first one), the
 * granting user, or a refusal. Tests set it with {@code PUT /_sandbox/oauth/approval}.
 */
record AutoApproval(String tenantId, String userId, boolean deny) {
  static final String ADMIN_USER = "1";

  static AutoApproval defaults() {
    return new AutoApproval(null, ADMIN_USER, false);
  }

  /**
   * Reads {@code {"tenant_id"?, "user_id"?, "deny"?}}; absent fields take their defaults.
   *
   * @throws ApiException 400 naming a tenant or user that does not exist
   */
  static AutoApproval parse(ObjectNode body, World world) {
    String tenantId = Json.text(body, "tenant_id");
    String userId = Json.text(body, "user_id");
    JsonNode deny = body.get("deny");
    if (deny != null && !deny.isBoolean() && !deny.isNull()) {
      throw ApiException.invalidField("sandbox", "deny", "deny must be true or false");
    }
    if (tenantId != null && world.find(tenantId) == null) {
      throw ApiException.invalidField("sandbox", "tenant_id", "no tenant has the id " + tenantId);
    }
    if (userId != null) {
      Tenant t = tenantId == null ? first(world) : world.find(tenantId);
      if (t == null || !References.exists(t, UsersModule.TABLE, userId)) {
        throw ApiException.invalidField(
            "sandbox", "user_id", "tenant has no user with the id " + userId);
      }
    }
    return new AutoApproval(
        tenantId, userId == null ? ADMIN_USER : userId, deny != null && deny.asBoolean());
  }

  /** The tenant an approval goes to: the one named, else the first; null when there are none. */
  Tenant tenant(World world) {
    return tenantId == null ? first(world) : world.find(tenantId);
  }

  ObjectNode toJson(World world, boolean autoApprove) {
    Tenant t = tenant(world);
    ObjectNode o = Json.object().put("auto_approve", autoApprove);
    o.put("tenant_id", t == null ? null : t.id());
    return o.put("user_id", userId).put("deny", deny);
  }

  private static Tenant first(World world) {
    return world.tenants().isEmpty() ? null : world.tenants().get(0);
  }
}
