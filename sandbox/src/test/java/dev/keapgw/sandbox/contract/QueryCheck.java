package dev.keapgw.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a query string against an operation's query parameters: every name must be declared,
 * required ones present, and each value must satisfy the parameter's schema. Values arrive as
 * text, so they are read the way the schema's type asks (digits become an integer, an array
 * collects repeated keys, or comma-separated parts when the parameter says {@code explode:
 * false}); text that cannot be read so stays text and fails the type check.
 */
final class QueryCheck {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private QueryCheck() {}

  static List<Violation> check(
      String query, JsonNode operation, String operationPointer, SpecSchemas schemas) {
    Map<String, List<String>> given = parse(query);
    List<Violation> out = new ArrayList<>();
    JsonNode params = operation.path("parameters");
    for (JsonNode p : params) {
      if ("query".equals(p.path("in").asText())
          && p.path("required").asBoolean()
          && !given.containsKey(p.path("name").asText())) {
        out.add(Violation.of("query " + p.path("name").asText(), "is required but was not sent"));
      }
    }
    for (Map.Entry<String, List<String>> e : given.entrySet()) {
      int index = declared(params, e.getKey());
      String part = "query " + e.getKey();
      if (index < 0) {
        out.add(Violation.of(part, "is not a query parameter of this operation"));
        continue;
      }
      JsonNode param = params.get(index);
      JsonNode schema = param.path("schema");
      if (!schema.path("type").asText().equals("array") && e.getValue().size() > 1) {
        out.add(
            Violation.of(part, "takes one value but was sent " + e.getValue().size() + " times"));
        continue;
      }
      String json = read(param, schema, e.getValue()).toString();
      for (SpecSchemas.Problem p :
          schemas.validate(operationPointer + "/parameters/" + index + "/schema", json)) {
        out.add(new Violation(
            part, p.instancePath(), p.message() + " (sent " + e.getValue() + ")", p.schemaPath()));
      }
    }
    return out;
  }

  private static int declared(JsonNode params, String name) {
    for (int i = 0; i < params.size(); i++) {
      if ("query".equals(params.get(i).path("in").asText())
          && name.equals(params.get(i).path("name").asText())) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode read(JsonNode param, JsonNode schema, List<String> raw) {
    if (!schema.path("type").asText().equals("array")) {
      return scalar(schema, raw.get(0));
    }
    // OpenAPI's form style explodes arrays (repeated keys) unless the parameter says otherwise.
    boolean explode = param.path("explode").asBoolean(true);
    var array = NODES.arrayNode();
    for (String value : raw) {
      for (String item : explode ? List.of(value) : List.of(value.split(",", -1))) {
        array.add(scalar(schema.path("items"), item));
      }
    }
    return array;
  }

  private static JsonNode scalar(JsonNode schema, String text) {
    try {
      return switch (schema.path("type").asText()) {
        case "integer" -> NODES.numberNode(new BigInteger(text));
        case "number" -> NODES.numberNode(new BigDecimal(text));
        case "boolean" ->
          text.equals("true") || text.equals("false")
              ? NODES.booleanNode(Boolean.parseBoolean(text))
              : NODES.textNode(text);
        default -> NODES.textNode(text);
      };
    } catch (NumberFormatException notANumber) {
      return NODES.textNode(text);
    }
  }

  private static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
