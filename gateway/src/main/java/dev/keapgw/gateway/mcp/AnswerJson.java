package dev.keapgw.gateway.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keapgw.gateway.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A data-plane answer read once, as a tool result needs it: its body as JSON text to carry as it
 * is, and, for an error status, whether the gateway itself answered (its error envelope).
 *
 * <p>The body is read once and never turned into a tree to be written out again: a success
 * answer's bytes are only scanned to make sure they are one well-formed JSON value (then they go
 * into the result as they came); an error answer, small, is parsed into a tree, which serves both
 * the same check and the envelope test. The gateway's envelope is never looked for in a 1xx-3xx
 * answer: the gateway only makes it for 4xx and 5xx.
 *
 * @param status the HTTP status
 * @param body the body as one JSON value: the app's JSON as it came, {@code null} for an empty
 *     body, else a JSON string of the body's text
 * @param gatewayError the gateway's own error envelope when the gateway answered itself, else null
 */
record AnswerJson(int status, String body, JsonNode gatewayError) {
  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
  private static final ObjectReader STRICT =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads {@code a}, a request sent with {@code requestId}. */
  static AnswerJson read(DataPlane.Answer a, String requestId) {
    byte[] bytes = a.body();
    int start = bytes.length >= 3
            && (bytes[0] & 0xff) == 0xEF
            && (bytes[1] & 0xff) == 0xBB
            && (bytes[2] & 0xff) == 0xBF
        ? 3
        : 0; // a byte-order mark is not part of the JSON text
    if (bytes.length - start == 0) {
      return new AnswerJson(a.status(), "null", null);
    }
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (a.status() < 400) {
      return new AnswerJson(a.status(), oneValue(bytes, start) ? text : quoted(text), null);
    }
    JsonNode tree;
    try {
      tree = STRICT.readTree(bytes, start, bytes.length - start);
    } catch (IOException e) {
      return new AnswerJson(a.status(), quoted(text), null);
    }
    if (tree == null || tree.isMissingNode()) { // only white space
      return new AnswerJson(a.status(), quoted(text), null);
    }
    return new AnswerJson(a.status(), text, madeByGateway(tree, requestId) ? tree : null);
  }

  /**
   * Whether {@code body} is the gateway's own error envelope, {@code {"error":{"type",...,"request_id"}}},
   * carrying the request id this call sent. Keap's errors have another shape
   * ({@code {"code","message","status","details"}} or {@code {"fault":...}}).
   */
  static boolean madeByGateway(JsonNode body, String requestId) {
    JsonNode err = body.path("error");
    return err.path("type").isTextual()
        && requestId.equals(err.path("request_id").asText(null));
  }

  /** Whether the bytes from {@code start} are exactly one well-formed JSON value (white space around it allowed). */
  static boolean oneValue(byte[] bytes, int start) {
    try (JsonParser p = FACTORY.createParser(bytes, start, bytes.length - start)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String quoted(String text) {
    try {
      return Json.MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string that cannot be written as JSON", e);
    }
  }

  /** {@code true} when {@link #status} says the app's answer is an error (and not the gateway's). */
  boolean appError() {
    return gatewayError == null && status >= 400;
  }

  /** The tool result's JSON: {@code {"status":...,"body":...}}. */
  String result() {
    return "{\"status\":" + status + ",\"body\":" + body + "}";
  }
}
