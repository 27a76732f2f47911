package dev.keapgw.gateway.mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a schema of the spec, which points into {@code #/components/schemas}, into a schema
 * that stands alone: the component schemas it reaches (transitively) travel with it under
 * {@code $defs}, and its references are rewritten to {@code #/$defs/Name}. An agent (or a JSON
 * Schema validator) needs nothing else to read it. OpenAPI 3.1 schemas are JSON Schema 2020-12,
 * so nothing else changes.
 */
final class SchemaBundle {
  private static final String COMPONENTS = "#/components/schemas/";
  static final String DEFS = "#/$defs/";
  private final JsonNode components;

  SchemaBundle(JsonNode components) {
    this.components = components;
  }

  /** A copy of {@code schema} with its references rewritten and what they reach in {@code $defs}. */
  ObjectNode standalone(JsonNode schema) {
    ObjectNode root = (ObjectNode) rewrite(schema.deepCopy());
    Map<String, JsonNode> defs = new TreeMap<>();
    Deque<String> todo = new ArrayDeque<>();
    collect(root, todo);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (defs.containsKey(name)) {
        continue;
      }
      JsonNode def = components.get(name);
      if (def == null) {
        throw new IllegalStateException("the spec refers to a schema it lacks: " + name);
      }
      JsonNode copy = rewrite(def.deepCopy());
      defs.put(name, copy);
      collect(copy, todo);
    }
    if (!defs.isEmpty()) {
      defs.forEach(root.withObjectProperty("$defs")::set);
    }
    return root;
  }

  /**
   * Rewrites every {@code $ref} in place, and OpenAPI's {@code example} (not a JSON Schema
   * keyword) into JSON Schema's {@code examples}.
   */
  private static JsonNode rewrite(JsonNode node) {
    return rewrite(node, false);
  }

  /** @param names whether {@code node} maps names to schemas ({@code properties}), so its keys are not keywords */
  private static JsonNode rewrite(JsonNode node, boolean names) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("$ref");
      if (!names && ref != null && ref.isTextual() && ref.asText().startsWith(COMPONENTS)) {
        o.put("$ref", DEFS + ref.asText().substring(COMPONENTS.length()));
      }
      if (!names && o.has("example")) {
        JsonNode example = o.remove("example");
        if (!o.has("examples")) {
          o.putArray("examples").add(example);
        }
      }
      o.properties()
          .forEach(e -> rewrite(
              e.getValue(),
              !names
                  && (e.getKey().equals("properties")
                      || e.getKey().equals("patternProperties")
                      || e.getKey().equals("$defs"))));
    } else if (node.isArray()) {
      node.forEach(n -> rewrite(n, false));
    }
    return node;
  }

  /** The names of the definitions {@code node} refers to (not descending into {@code $defs}). */
  private static void collect(JsonNode node, Deque<String> into) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFS)) {
        into.push(ref.asText().substring(DEFS.length()));
      }
      o.properties().forEach(e -> {
        if (!e.getKey().equals("$defs")) {
          collect(e.getValue(), into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, into));
    }
  }
}
