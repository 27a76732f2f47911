package dev.keapgw.sandbox;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against a schema of Keap's spec ({@code components.schemas.<name>} of the
 * copy in the test resources), so tests can check that answers have the shape Keap documents.
 */
public final class SpecSchema {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SpecSchema() {}

  /** The violations of {@code json} (text) against the named schema; empty when it conforms. */
  public static List<String> violations(String schemaName, String json) {
    Schema schema = SCHEMAS.computeIfAbsent(schemaName, n ->
        REGISTRY.getSchema(SchemaLocation.of("classpath:keap-openapi/swagger.yml#/components/schemas/" + n)));
    tools.jackson.databind.JsonNode node = new tools.jackson.databind.ObjectMapper().readTree(json);
    return schema.validate(node).stream().map(Error::toString).toList();
  }
}
