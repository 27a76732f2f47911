package dev.keapgw.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Json;
import io.vertx.ext.web.RoutingContext;

/** Reads the admin API's request bodies; every mistake is a 400 naming the field. */
final class AdminBodies {
  static final String RATE_LIMIT = "rate_limit_per_second";
  static final String MCP_READ_ONLY = "mcp_read_only";

  private AdminBodies() {}

  static ObjectNode body(RoutingContext ctx) {
    return Json.callerObject(ctx.body().buffer());
  }

  /** A string field: null when absent or null, 400 when of another type. */
  static String optionalText(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(field, "'" + field + "' must be a string");
    }
    return v.asText();
  }

  static String requiredText(ObjectNode body, String field) {
    String v = optionalText(body, field);
    if (v == null || v.isBlank()) {
      throw invalid(
          field,
          "'" + field + "' is required and must not be empty, e.g. {\"" + field + "\":\"Acme\"}");
    }
    return v;
  }

  /** {@code rate_limit_per_second}: a whole number or null (null: back to the gateway's default). */
  static Integer rateLimit(ObjectNode body) {
    return wholeNumber(body, RATE_LIMIT, 1_000_000);
  }

  /** The fields {@code PATCH /admin/accounts/{id}} may set; at least one must be given. */
  static final java.util.List<String> SETTINGS =
      java.util.List.of(RATE_LIMIT, MCP_READ_ONLY, "max_connections", "max_pending_connections");

  static void requireASetting(ObjectNode body) {
    if (SETTINGS.stream().noneMatch(body::has)) {
      throw invalid(
          RATE_LIMIT,
          "'" + RATE_LIMIT + "' or another of " + String.join(", ", SETTINGS)
              + " is required: a whole number of requests per second (or null for the gateway's default), whether"
              + " the account's MCP tools may only read, or a cap on its connections");
    }
  }

  /** A whole number from 1 to {@code max}, or null (the default); call only when the field is present. */
  static Integer wholeNumber(ObjectNode body, String field, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1 || v.intValue() > max) {
      throw invalid(
          field,
          "'" + field + "' must be a whole number between 1 and " + max
              + ", or null for the default");
    }
    return v.intValue();
  }

  /** {@code mcp_read_only}: true or false, or null when absent. */
  static Boolean mcpReadOnly(ObjectNode body) {
    JsonNode v = body.get(MCP_READ_ONLY);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw invalid(
          MCP_READ_ONLY,
          "'" + MCP_READ_ONLY + "' must be true (the account's MCP tools may only read)"
              + " or false");
    }
    return v.booleanValue();
  }

  static GatewayException invalid(String field, String message) {
    return GatewayException.badRequest(message).with("field", field);
  }
}
