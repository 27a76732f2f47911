package dev.keapgw.sandbox.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spec document as a JSON Schema 2020-12 resource: any schema inside it is addressed by a
 * JSON pointer into the whole document, so its {@code $ref: '#/components/schemas/...'} resolve
 * against the same document, as they do in the OpenAPI file.
 *
 * <p>Validation follows draft 2020-12 with two choices: keywords the draft does not know
 * ({@code example} and any OpenAPI extras) are ignored, and of the formats only {@code date-time}
 * and {@code date} are asserted. Those two are what Keap's generated clients parse
 * ({@code OffsetDateTime}, {@code LocalDate}), and both validators follow RFC 3339 exactly; the
 * spec's other formats ({@code int32}, {@code int64}, {@code double}, {@code byte},
 * {@code binary}) are annotations only.
 */
final class SpecSchemas {
  /** Where the document is registered; the {@code .invalid} host can never be fetched. */
  static final String DOCUMENT_URI = "https://keap-spec.invalid/rest-v2/swagger.json";

  private static final Set<String> ASSERTED_FORMATS = Set.of("date-time", "date");

  private final SchemaRegistry registry;
  private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();

  /** @param documentJson the whole spec, as JSON text */
  SpecSchemas(String documentJson) {
    Dialect dialect = Dialect.builder(
            "https://keap-spec.invalid/contract-dialect", Dialects.getDraft202012())
        .formats(formats -> formats.keySet().retainAll(ASSERTED_FORMATS))
        .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(
        dialect,
        builder -> builder
            .schemas(Map.of(DOCUMENT_URI, documentJson))
            .schemaLoader(loader -> loader.fetchRemoteResources(false))
            .schemaRegistryConfig(
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** One failed check: where in the instance, what is wrong, and which schema said so. */
  record Problem(String instancePath, String message, String schemaPath) {}

  /**
   * Validates JSON text against the schema at {@code pointer} (a JSON pointer into the
   * document, e.g. {@code /components/schemas/Tag}). Text that is not JSON is one problem.
   */
  List<Problem> validate(String pointer, String json) {
    Schema schema = byPointer.computeIfAbsent(pointer, this::load);
    List<Error> errors;
    try {
      errors = schema.validate(json, InputFormat.JSON);
    } catch (RuntimeException notJson) {
      return List.of(new Problem("", "is not JSON: " + notJson.getMessage(), pointer));
    }
    return errors.stream()
        .map(e -> new Problem(e.getInstanceLocation().toString(), e.getMessage(), shortLocation(e)))
        .toList();
  }

  private Schema load(String pointer) {
    return registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer));
  }

  private static String shortLocation(Error e) {
    String full = String.valueOf(e.getSchemaLocation());
    return full.startsWith(DOCUMENT_URI) ? full.substring(DOCUMENT_URI.length()) : full;
  }
}
