package dev.keapgw.gateway.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;

/**
 * A connection as callers see it, with Maton's field names. Every field is always present:
 * {@code metadata} is {@code {}} until authorized, {@code failure_reason} is null unless FAILED.
 */
public final class ConnectionJson {
  public static final String METHOD = "OAUTH2";

  private ConnectionJson() {}

  /** The connection with {@code url} as its connect link (null only for a deleted connection). */
  public static ObjectNode of(Connection c, String url) {
    ObjectNode o = Json.object();
    o.put("connection_id", c.id());
    o.put("status", c.status().name());
    o.put("creation_time", Times.iso(c.createdAt()));
    o.put("last_updated_time", Times.iso(c.updatedAt()));
    o.put("url", url);
    o.put("app", c.app());
    o.put("method", METHOD);
    o.set("metadata", metadata(c.metadataJson()));
    o.put("failure_reason", c.status() == ConnectionStatus.FAILED ? c.failureReason() : null);
    return o;
  }

  /** {@code {"connection":{...}}}. */
  public static ObjectNode wrapped(Connection c, String url) {
    ObjectNode root = Json.object();
    root.set("connection", of(c, url));
    return root;
  }

  private static JsonNode metadata(String stored) {
    if (stored == null || stored.isBlank()) {
      return Json.object();
    }
    try {
      JsonNode n = Json.MAPPER.readTree(stored);
      return n != null && n.isObject() ? n : Json.object();
    } catch (java.io.IOException e) {
      return Json.object();
    }
  }
}
