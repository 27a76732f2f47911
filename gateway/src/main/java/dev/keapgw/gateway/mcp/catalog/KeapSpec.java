package dev.keapgw.gateway.mcp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keap's official OpenAPI spec (the copy in {@code keap-openapi/swagger.yml} on the class path,
 * see its SOURCE.md) read into {@link Action}s: every operation of every path, in the spec's
 * order. Data-plane paths are the app's name, then the spec server's base path, then the
 * operation's path: {@code /keap} + {@code /crm} + {@code /rest/v2/contacts}.
 */
public final class KeapSpec {
  public static final String RESOURCE = "/keap-openapi/swagger.yml";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "patch", "delete", "head");

  private KeapSpec() {}

  /** Reads the bundled spec; the actions of app {@code appName}. */
  public static List<Action> load(String appName) {
    try (InputStream in = KeapSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return actions(new YAMLMapper().readTree(in), appName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The actions of an OpenAPI 3 document. */
  static List<Action> actions(JsonNode spec, String appName) {
    String base = URI.create(spec.path("servers").path(0).path("url").asText("https://host/"))
        .getPath();
    String prefix = "/" + appName + (base == null || base.equals("/") ? "" : stripSlash(base));
    SchemaBundle schemas = new SchemaBundle(spec.path("components").path("schemas"));
    List<Action> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          out.add(action(
              prefix + path.getKey(),
              op.getKey().toUpperCase(Locale.ROOT),
              op.getValue(),
              schemas));
        }
      }
    }
    return List.copyOf(out);
  }

  private static Action action(String path, String method, JsonNode op, SchemaBundle schemas) {
    List<Action.Param> pathParams = new ArrayList<>();
    List<Action.Param> queryParams = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      ObjectNode schema = p.has("schema") ? schemas.standalone(p.get("schema")) : null;
      Action.Param param = new Action.Param(
          p.path("name").asText(),
          p.path("required").asBoolean(false),
          p.path("description").asText(""),
          schema);
      switch (p.path("in").asText()) {
        case "path" -> pathParams.add(param);
        case "query" -> queryParams.add(param);
        default -> {} // headers and cookies: the gateway sets what Keap needs
      }
    }
    pathParams.sort(java.util.Comparator.comparingInt(p -> path.indexOf("{" + p.name() + "}")));
    ObjectNode body = null;
    String contentType = null;
    JsonNode content = op.path("requestBody").path("content");
    if (content.isObject() && !content.isEmpty()) {
      contentType = content.has("application/json")
          ? "application/json"
          : content.fieldNames().next();
      JsonNode schema = content.path(contentType).path("schema");
      body = schemas.standalone(
          schema.isMissingNode()
              ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
              : schema);
    }
    return new Action(
        op.path("operationId").asText(),
        method,
        path,
        op.path("summary").asText(""),
        op.path("description").asText(""),
        op.path("tags").path(0).asText(""),
        List.copyOf(pathParams),
        List.copyOf(queryParams),
        body,
        op.path("requestBody").path("required").asBoolean(false),
        contentType);
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
