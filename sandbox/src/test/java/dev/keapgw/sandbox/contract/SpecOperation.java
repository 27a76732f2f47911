package dev.keapgw.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the spec (a method on a spec path) and the checks of an exchange against
 * it. The request: its path fits the path template, its query parameters are declared and
 * valid, its body matches the request body schema. The answer: its status is a success the
 * operation declares, and its body matches that status's schema, or is empty when the status
 * declares no content (a 202 or 204).
 */
public final class SpecOperation {
  /** The spec's paths start here; the sandbox serves them under {@code /crm} + this. */
  public static final String SPEC_PREFIX = "/rest/v2";

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
  private static final String JSON = "application/json";
  private static final int SHOWN_BODY_CHARS = 600;

  private final String method;
  private final String path;
  private final JsonNode node;
  private final String pointer;
  private final SpecSchemas schemas;
  private final Pattern template;

  SpecOperation(String method, String path, JsonNode node, SpecSchemas schemas) {
    this.method = method;
    this.path = path;
    this.node = node;
    this.pointer = "/paths/" + SpecRepairs.escape(path) + "/" + method.toLowerCase(Locale.ROOT);
    this.schemas = schemas;
    this.template = templatePattern(path);
  }

  public String method() {
    return method;
  }

  /** The spec path, e.g. {@code /rest/v2/tags/{tag_id}/contacts:applyTags}. */
  public String path() {
    return path;
  }

  public String operationId() {
    return node.path("operationId").asText();
  }

  /** The success statuses the operation declares, e.g. [201] or [200, 201]. */
  public List<Integer> successStatuses() {
    List<Integer> out = new ArrayList<>();
    for (Iterator<String> it = node.path("responses").fieldNames(); it.hasNext(); ) {
      String code = it.next();
      if (code.startsWith("2")) {
        out.add(Integer.parseInt(code));
      }
    }
    return out;
  }

  /** What is wrong with a request: its path, its query parameters, its body. */
  public List<Violation> checkRequest(Call call) {
    List<Violation> out = new ArrayList<>();
    if (!call.method().equals(method)) {
      out.add(Violation.of("request method", call.method() + " is not this operation's " + method));
    }
    if (!template.matcher(SPEC_PREFIX + call.pathOnly()).matches()) {
      out.add(
          Violation.of("request path", SPEC_PREFIX + call.pathOnly() + " does not fit " + path));
    }
    out.addAll(QueryCheck.check(call.query(), node, pointer, schemas));
    JsonNode requestBody = node.get("requestBody");
    if (requestBody == null) {
      if (call.body() != null) {
        out.add(Violation.of("request body", "the operation takes no body"));
      }
    } else if (call.body() == null) {
      if (requestBody.path("required").asBoolean()) {
        out.add(Violation.of("request body", "is required but none was sent"));
      }
    } else if (!requestBody.path("content").has(JSON)) {
      out.add(Violation.of("request body", "the operation takes no " + JSON + " body"));
    } else {
      out.addAll(validate(
          "request body", pointer + "/requestBody/content/application~1json/schema", call.body()));
    }
    return out;
  }

  /**
   * What is wrong with an answer: a status the operation does not declare as a success, a body
   * where none is declared, a missing or non-JSON body, or a body that breaks the schema.
   */
  public List<Violation> checkResponse(int status, String contentType, String body) {
    JsonNode declared = node.path("responses").get(Integer.toString(status));
    if (status < 200 || status > 299 || declared == null) {
      return List.of(Violation.of(
          "response status",
          status + " is not a success this operation declares " + successStatuses()));
    }
    boolean empty = body == null || body.isEmpty();
    JsonNode content = declared.get("content");
    if (content == null || content.isEmpty()) {
      return empty
          ? List.of()
          : List.of(Violation.of(
              "response " + status + " body",
              "the spec declares no content for " + status + " but the body is not empty"));
    }
    if (!content.has(JSON)) {
      return List.of(
          Violation.of("response " + status, "the spec declares no " + JSON + " content"));
    }
    List<Violation> out = new ArrayList<>();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
      out.add(
          Violation.of("response " + status + " content type", contentType + " is not " + JSON));
    }
    if (empty) {
      out.add(Violation.of(
          "response " + status + " body", "is empty but the spec declares a JSON body"));
      return out;
    }
    String schema = pointer + "/responses/" + status + "/content/application~1json/schema";
    out.addAll(validate("response " + status + " body", schema, body));
    return out;
  }

  /** Everything wrong with one exchange, request first. */
  public List<Violation> check(Exchange exchange) {
    List<Violation> out = new ArrayList<>(checkRequest(exchange.call()));
    var reply = exchange.reply();
    out.addAll(checkResponse(reply.status(), reply.header("Content-Type"), reply.body()));
    return out;
  }

  /**
   * Fails with a readable report (the operation, each violation, what was sent and what came
   * back) unless the exchange keeps the contract; then runs the exchange's own checks.
   */
  public void assertConforms(Exchange exchange) {
    List<Violation> violations = check(exchange);
    if (!violations.isEmpty()) {
      StringBuilder report = new StringBuilder(this + " does not keep Keap's spec:");
      violations.forEach(v -> report.append("\n  - ").append(v));
      report.append("\n  sent:     ").append(shorten(exchange.call().toString()));
      report
          .append("\n  answered: ")
          .append(exchange.reply().status())
          .append(' ')
          .append(shorten(exchange.reply().body()));
      throw new AssertionError(report.toString());
    }
    try {
      exchange.runChecks();
    } catch (AssertionError checkFailed) {
      throw new AssertionError(
          this + " kept the spec, but its answer is wrong: " + checkFailed.getMessage()
              + "\n  sent:     " + shorten(exchange.call().toString())
              + "\n  answered: " + exchange.reply().status() + ' '
              + shorten(exchange.reply().body()),
          checkFailed);
    }
  }

  @Override
  public String toString() {
    return operationId() + " (" + method + " " + path + ")";
  }

  private List<Violation> validate(String part, String schemaPointer, String json) {
    return schemas.validate(schemaPointer, json).stream()
        .map(p -> new Violation(part, p.instancePath(), p.message(), p.schemaPath()))
        .toList();
  }

  private static Pattern templatePattern(String specPath) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PATH_PARAM.matcher(specPath);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(specPath.substring(last, m.start()))).append("[^/]+");
      last = m.end();
    }
    regex.append(Pattern.quote(specPath.substring(last)));
    return Pattern.compile(regex.toString());
  }

  private static String shorten(String text) {
    String t = text == null ? "" : text.strip();
    return t.length() <= SHOWN_BODY_CHARS ? t : t.substring(0, SHOWN_BODY_CHARS) + "...";
  }
}
