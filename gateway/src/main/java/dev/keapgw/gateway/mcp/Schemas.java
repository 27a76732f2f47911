package dev.keapgw.gateway.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;

/** Small JSON Schemas for the tools' arguments and results, written the same way everywhere. */
final class Schemas {
  private Schemas() {}

  /** {@code {"type":"object","properties":{},"additionalProperties":false}}: fill with {@link #prop}. */
  static ObjectNode object() {
    ObjectNode o = Json.object().put("type", "object");
    o.putObject("properties");
    return o;
  }

  /** Adds a property; {@code required} adds it to the schema's {@code required} list. */
  static ObjectNode prop(
      ObjectNode schema, String name, ObjectNode type, String description, boolean required) {
    if (description != null && !description.isEmpty()) {
      type.put("description", description);
    }
    ((ObjectNode) schema.get("properties")).set(name, type);
    if (required) {
      (schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required"))
          .add(name);
    }
    return schema;
  }

  static ObjectNode string() {
    return Json.object().put("type", "string");
  }

  static ObjectNode integer() {
    return Json.object().put("type", "integer");
  }

  static ObjectNode anyObject() {
    return Json.object().put("type", "object");
  }

  static ObjectNode stringEnum(String... values) {
    ObjectNode o = string();
    ArrayNode e = o.putArray("enum");
    for (String v : values) {
      e.add(v);
    }
    return o;
  }

  /** A query object: each value a string, number, boolean or a list of them. */
  static ObjectNode queryObject() {
    ObjectNode scalar = Json.object();
    scalar.putArray("type").add("string").add("number").add("boolean");
    ObjectNode list = Json.object().put("type", "array");
    list.set("items", scalar.deepCopy());
    ObjectNode value = Json.object();
    value.putArray("anyOf").add(scalar).add(list);
    ObjectNode q = anyObject();
    q.set("additionalProperties", value);
    return q;
  }

  /** Any JSON value, null included. */
  static ObjectNode anyJson() {
    ObjectNode o = Json.object();
    o.putArray("type")
        .add("object")
        .add("array")
        .add("string")
        .add("number")
        .add("boolean")
        .add("null");
    return o;
  }

  /** What {@code api}, {@code run_action} and the typed tools answer: {@code {status, body}}, body null for a 204. */
  static ObjectNode apiAnswer() {
    ObjectNode o = object();
    prop(o, "status", integer(), "the HTTP status the app (or the gateway) answered", true);
    prop(
        o,
        "body",
        anyJson(),
        "the JSON body of the answer; null when it had none (204), a string when it was"
            + " not JSON",
        true);
    return o;
  }
}
