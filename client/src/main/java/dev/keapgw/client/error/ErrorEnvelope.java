package dev.keapgw.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;

/**
 * An error body, parsed whatever produced it: the gateway's own
 * {@code {"error":{"status","type","message",...}}}, Keap's application error
 * {@code {"code","message","status","details"}}, Keap's API-gateway fault
 * {@code {"fault":{"faultstring","detail":{"errorcode"}}}}, an OAuth error
 * {@code {"error":"...","error_description":"..."}}, or anything else (kept as text).
 *
 * @param source who wrote the body
 * @param type a stable machine-readable kind: the gateway's {@code type}, Keap's {@code status}
 *     (e.g. {@code NOT_FOUND}), the fault's {@code errorcode}, or the OAuth {@code error}; may be null
 * @param message the human message; never null
 * @param details the rest: the gateway error object, Keap's {@code details}, the fault; NullNode if none
 * @param body the whole body as text (at most 64 KiB kept)
 */
public record ErrorEnvelope(
    Source source, String type, String message, JsonNode details, String body) {
  /** Who wrote an error body. */
  public enum Source {
    /** keap-gateway (or Maton) itself: {@code {"error":{...}}}. */
    GATEWAY,
    /** Keap's API: {@code {"code","message","status","details"}}. */
    KEAP,
    /** Keap's API gateway (authentication and some throttling): {@code {"fault":{...}}}. */
    KEAP_FAULT,
    /** An OAuth endpoint: {@code {"error","error_description"}}. */
    OAUTH,
    /** Not JSON, or JSON of no known shape. */
    UNKNOWN
  }

  private static final int KEEP = 64 * 1024;

  /** Parses a body; never throws. */
  public static ErrorEnvelope parse(byte[] raw, String reason, ObjectMapper mapper) {
    String text = new String(raw, 0, Math.min(raw.length, KEEP), StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = raw.length == 0 ? null : mapper.readTree(raw);
    } catch (java.io.IOException e) {
      root = null;
    }
    if (root != null && root.isObject()) {
      JsonNode error = root.get("error");
      if (error != null && error.isObject()) {
        return new ErrorEnvelope(
            Source.GATEWAY,
            textOrNull(error, "type"),
            orElse(textOrNull(error, "message"), reason),
            error,
            text);
      }
      if (error != null && error.isTextual()) {
        return new ErrorEnvelope(
            Source.OAUTH,
            error.asText(),
            orElse(textOrNull(root, "error_description"), error.asText()),
            root,
            text);
      }
      JsonNode fault = root.get("fault");
      if (fault != null && fault.isObject()) {
        return new ErrorEnvelope(
            Source.KEAP_FAULT,
            textOrNull(fault.path("detail"), "errorcode"),
            orElse(textOrNull(fault, "faultstring"), reason),
            fault,
            text);
      }
      if (root.has("message") && (root.has("code") || root.has("status"))) {
        JsonNode details = root.get("details");
        return new ErrorEnvelope(
            Source.KEAP,
            textOrNull(root, "status"),
            root.get("message").asText(""),
            details == null ? NullNode.getInstance() : details,
            text);
      }
    }
    String message = text.isBlank() ? reason : firstLine(text);
    return new ErrorEnvelope(Source.UNKNOWN, null, message, NullNode.getInstance(), text);
  }

  /** The request id the gateway put in its error body, if any. */
  public String requestId() {
    return source == Source.GATEWAY ? textOrNull(details, "request_id") : null;
  }

  /** A field of the gateway's error object (e.g. {@code url}, {@code connection_id}), or null. */
  public String field(String name) {
    return textOrNull(details, name);
  }

  private static String textOrNull(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  private static String orElse(String a, String b) {
    return a == null || a.isBlank() ? b : a;
  }

  private static String firstLine(String s) {
    String line = s.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
