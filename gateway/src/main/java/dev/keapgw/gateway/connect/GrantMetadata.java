package dev.keapgw.gateway.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;

/**
 * A connection's {@code metadata} after authorization: which upstream account and user the
 * grant reached, as {@code {"tenant_id", "user_id", "email"}}. Each field is there only when
 * known: {@code userinfo} gives all three; when it could not be read, the tenant still comes
 * from the granted scope (Keap grants {@code full|<tenant>.infusionsoft.com}).
 */
final class GrantMetadata {
  private GrantMetadata() {}

  /**
   * @param userinfo the upstream's description of the grant, or null when it could not be read
   * @param scope the scope the token endpoint granted, or null
   */
  static ObjectNode of(JsonNode userinfo, String scope) {
    ObjectNode m = Json.object();
    String tenant = text(userinfo, "tenant_id");
    put(m, "tenant_id", tenant != null ? tenant : tenantFromScope(scope));
    put(m, "user_id", text(userinfo, "sub"));
    put(m, "email", text(userinfo, "email"));
    return m;
  }

  /** The tenant a connection's stored metadata names; null when it was never authorized. */
  static String tenantOf(String metadataJson) {
    if (metadataJson == null || metadataJson.isBlank()) {
      return null;
    }
    try {
      return text(Json.MAPPER.readTree(metadataJson), "tenant_id");
    } catch (java.io.IOException e) {
      return null;
    }
  }

  static String tenantFromScope(String scope) {
    if (scope == null) {
      return null;
    }
    int bar = scope.indexOf('|');
    if (bar < 0 || bar == scope.length() - 1) {
      return null;
    }
    String host = scope.substring(bar + 1).trim();
    int dot = host.indexOf('.');
    String tenant = dot < 0 ? host : host.substring(0, dot);
    return tenant.isEmpty() || tenant.contains(" ") ? null : tenant;
  }

  private static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  private static void put(ObjectNode m, String field, String value) {
    if (value != null) {
      m.put(field, value);
    }
  }
}
