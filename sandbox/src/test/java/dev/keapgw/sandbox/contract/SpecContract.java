package dev.keapgw.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keap's REST v2 OpenAPI spec as a contract: finds an operation by method and spec path and
 * checks requests and answers against it (see {@link SpecOperation}).
 *
 * <p>The spec is read once from the test classpath ({@value #RESOURCE}), a copy of Keap's file
 * that {@code SOURCE.md} beside it identifies. Schema references resolve against the whole
 * document: it is registered with the validator under one URI and each operation's schema is
 * addressed by a JSON pointer into it, so {@code #/components/schemas/...} means what it means
 * in the file. {@link #repairs()} lists the few in-memory fixes of contradictions in the spec.
 */
public final class SpecContract {
  public static final String RESOURCE = "/keap-openapi/swagger.yml";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode spec;
  private final List<String> repairs;
  private final SpecSchemas schemas;

  private SpecContract(JsonNode spec) {
    this.spec = spec;
    this.repairs = List.copyOf(SpecRepairs.apply(spec));
    this.schemas = new SpecSchemas(spec.toString());
  }

  private static final class Holder {
    static final SpecContract KEAP = load();
  }

  /** The contract of Keap's spec, loaded on first use and shared by every test in the JVM. */
  public static SpecContract keap() {
    return Holder.KEAP;
  }

  private static SpecContract load() {
    try (InputStream in = SpecContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      return new SpecContract(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The operation for a method on a spec path, if the spec has it. */
  public Optional<SpecOperation> find(String method, String specPath) {
    String m = method.toLowerCase(Locale.ROOT);
    JsonNode op = spec.path("paths").path(specPath).get(m);
    return op == null || !METHODS.contains(m)
        ? Optional.empty()
        : Optional.of(new SpecOperation(method.toUpperCase(Locale.ROOT), specPath, op, schemas));
  }

  /**
   * The operation for a method on a spec path, e.g. {@code ("POST",
   * "/rest/v2/tags/{tag_id}/contacts:applyTags")}.
   *
   * @throws IllegalArgumentException when the spec has no such operation
   */
  public SpecOperation operation(String method, String specPath) {
    return find(method, specPath)
        .orElseThrow(() -> new IllegalArgumentException("the spec has no operation " + method + " "
            + specPath
            + (spec.path("paths").has(specPath) ? " (the path exists with other methods)" : "")));
  }

  /**
   * What in {@code json} breaks the spec's {@code components.schemas.<name>}, one line each
   * (where, what, which schema said so); empty when it conforms. For tests that check one
   * answer's shape rather than a whole operation.
   *
   * @throws IllegalArgumentException when the spec has no such schema
   */
  public List<String> schemaViolations(String name, String json) {
    if (!spec.path("components").path("schemas").has(name)) {
      throw new IllegalArgumentException("the spec has no schema " + name);
    }
    return schemas.validate("/components/schemas/" + SpecRepairs.escape(name), json).stream()
        .map(p -> (p.instancePath().isEmpty() ? "" : p.instancePath() + ": ") + p.message() + " ("
            + p.schemaPath() + ")")
        .toList();
  }

  public List<String> schemaViolations(String name, JsonNode json) {
    return schemaViolations(name, json.toString());
  }

  /** The JSON pointers of the schemas {@link SpecRepairs} changed at load. */
  public List<String> repairs() {
    return repairs;
  }
}
