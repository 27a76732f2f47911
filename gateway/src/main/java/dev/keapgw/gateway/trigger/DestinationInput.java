package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.trigger.delivery.BodyTemplate;
import dev.keapgw.gateway.trigger.delivery.DestinationGuard;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A destination as a caller describes it ({@code url}, {@code method}, {@code name},
 * {@code headers}, {@code body_template}, and on PATCH {@code status}), checked: an absolute
 * http(s) URL (not an address the SSRF rule refuses, when written as one), POST, PUT or PATCH,
 * headers that do not replace the signature's or the framing's, placeholders that exist.
 */
record DestinationInput(
    String url,
    String method,
    String name,
    String headersJson,
    String bodyTemplate,
    TriggerStatus status,
    Set<String> present) {
  static final Set<String> FIELDS =
      Set.of("url", "method", "name", "headers", "body_template", "status");
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
  private static final Set<String> RESERVED_HEADERS = Set.of(
      "host",
      "content-length",
      "transfer-encoding",
      "connection",
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
      "upgrade",
      "te",
      "trailer");

  /** Reads a destination; on create {@code url} is required and {@code status} not taken. */
  static DestinationInput read(
      JsonNode node, String where, boolean create, DestinationGuard guard) {
    if (node == null || !node.isObject()) {
      throw GatewayException.badRequest(
          "'" + (where.isEmpty() ? "body" : where.substring(0, where.length() - 1))
              + "' must be a JSON object such as {\"url\":\"https://example.com/hook\"}");
    }
    ObjectNode o = (ObjectNode) node;
    Inputs.onlyKnown(
        o, create ? Set.of("url", "method", "name", "headers", "body_template") : FIELDS, where);
    String url = create
        ? Inputs.required(o, "url", where, 2048, "\"https://example.com/hook\"")
        : Inputs.text(o, "url", where, 2048);
    if (url != null) {
      checkUrl(url, where, guard);
    }
    String method = Inputs.text(o, "method", where, 10);
    if (method != null) {
      method = method.toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) {
        throw GatewayException.badRequest("'" + where + "method' must be POST, PUT or PATCH")
            .with("field", where + "method");
      }
    }
    String headers = null;
    ObjectNode h = Inputs.object(o, "headers", where);
    if (h != null) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) h::fields) {
        String n = e.getKey().toLowerCase(Locale.ROOT);
        if (!e.getValue().isTextual()
            || !n.matches("[a-z0-9!#$%&'*+.^_`|~-]+")
            || e.getValue()
                .asText()
                .chars()
                .anyMatch(ch -> ch < 0x20 && ch != '\t' || ch == 0x7f)) {
          throw GatewayException.badRequest(
                  "'" + where + "headers' must map header names to string values;" + " '"
                      + e.getKey() + "' is not one")
              .with("field", where + "headers");
        }
        if (RESERVED_HEADERS.contains(n)) {
          throw GatewayException.badRequest(
                  "'" + where + "headers' may not set " + e.getKey() + ": the gateway sets it")
              .with("field", where + "headers");
        }
      }
      headers = new String(Json.bytes(h), StandardCharsets.UTF_8);
    }
    String template = Inputs.text(o, "body_template", where, 64 * 1024);
    if (template != null) {
      String problem = BodyTemplate.problem(template);
      if (problem != null) {
        throw GatewayException.badRequest(problem).with("field", where + "body_template");
      }
    }
    return new DestinationInput(
        url,
        method,
        Inputs.text(o, "name", where, 200),
        headers,
        template,
        create ? null : Inputs.status(o, where),
        Set.copyOf(iterable(o)));
  }

  private static java.util.List<String> iterable(ObjectNode o) {
    java.util.List<String> l = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(l::add);
    return l;
  }

  private static void checkUrl(String url, String where, DestinationGuard guard) {
    URI u;
    try {
      u = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw GatewayException.badRequest("'" + where + "url' is not a valid URL")
          .with("field", where + "url");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || u.getHost() == null
        || u.getRawUserInfo() != null
        || u.getRawFragment() != null) {
      throw GatewayException.badRequest(
              "'" + where + "url' must be an absolute http(s) URL without user info or"
                  + " fragment, e.g. https://example.com/hook")
          .with("field", where + "url");
    }
    if (guard.refusesLiteral(u.getHost())) {
      throw GatewayException.badRequest(
              "'" + where + "url' points at a loopback, private, link-local or metadata"
                  + " address; destinations must be public (the demo and serve --allow-private-destinations allow them)")
          .with("field", where + "url");
    }
  }
}
