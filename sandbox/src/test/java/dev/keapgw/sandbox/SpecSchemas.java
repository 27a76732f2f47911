package dev.keapgw.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.keapgw.sandbox.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks sandbox answers against the response schemas of Keap's spec (the copy under
 * {@code src/test/resources/keap-openapi}). One flaw of the spec is mended first: an integer
 * property whose enum lists strings ({@code remind_time_mins}) can match nothing, so such
 * enums are dropped.
 */
public final class SpecSchemas {
  private static final ObjectNode SCHEMAS = load();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private SpecSchemas() {}

  /** What in {@code instance} breaks {@code components.schemas.<name>}; empty when it conforms. */
  public static List<String> problems(String name, JsonNode instance) {
    if (!SCHEMAS.has(name)) {
      throw new IllegalArgumentException("the spec has no schema " + name);
    }
    Schema schema = CACHE.computeIfAbsent(name, SpecSchemas::compile);
    return schema.validate(Json.MAPPER.valueToTree(instance).toString(), InputFormat.JSON).stream()
        .map(Object::toString).toList();
  }

  private static Schema compile(String name) {
    ObjectNode doc = Json.object();
    doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    doc.put("$ref", "#/components/schemas/" + name);
    doc.putObject("components").set("schemas", SCHEMAS);
    return REGISTRY.getSchema(doc.toString(), InputFormat.JSON);
  }

  private static ObjectNode load() {
    try (InputStream in = SpecSchemas.class.getResourceAsStream("/keap-openapi/swagger.yml")) {
      ObjectNode spec = (ObjectNode) new YAMLMapper().readTree(in);
      ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
      mend(schemas);
      return schemas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mend(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if ("integer".equals(o.path("type").asText()) && o.path("enum").path(0).isTextual()) {
        o.remove("enum");
      }
      o.forEach(SpecSchemas::mend);
    } else if (node.isArray()) {
      node.forEach(SpecSchemas::mend);
    }
  }
}
