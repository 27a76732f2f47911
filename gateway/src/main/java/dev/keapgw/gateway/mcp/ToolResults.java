package dev.keapgw.gateway.mcp;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Tool results as the endpoint answers them: the JSON both as text (for clients that read only
 * text) and as {@code structuredContent}, and errors as results with {@code isError} whose
 * text says what to do. The JSON is written once, as text; {@code structuredContent} carries the
 * same text ({@link JsonText}), which the SDK writes into the message as it is.
 */
final class ToolResults {
  private ToolResults() {}

  /** What a tool answered, and how the metrics label it. */
  record Answer(CallToolResult result, String outcome) {}

  /**
   * JSON text known to be one well-formed value, written as it is wherever it is serialized
   * (Jackson 2 and the SDK's Jackson 3 both honour these annotations): {@code structuredContent}
   * without a conversion to maps and back. Results made this way are built to their tool's
   * output schema, so the server does not check them again ({@link ArgumentValidator}).
   */
  record JsonText(@JsonValue @JsonRawValue String json) {}

  static Answer ok(ObjectNode value) {
    return new Answer(json(value, false, null), "ok");
  }

  /**
   * A result carrying {@code value}; an error result when {@code error}, its text then led by
   * {@code summary} (what happened and what to do) before the JSON.
   */
  static CallToolResult json(ObjectNode value, boolean error, String summary) {
    return json(text(value), error, summary);
  }

  /** A result carrying {@code json}, which must be one well-formed JSON object; as {@link #json(ObjectNode, boolean, String)}. */
  static CallToolResult json(String json, boolean error, String summary) {
    return CallToolResult.builder()
        .addTextContent(summary == null ? json : summary + "\n" + json)
        .structuredContent(new JsonText(json))
        .isError(error)
        .build();
  }

  /** A refusal before anything was sent: text only. */
  static Answer refused(ToolFailure f) {
    return new Answer(
        CallToolResult.builder().addTextContent(f.getMessage()).isError(true).build(), f.outcome());
  }

  static String text(JsonNode value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }
}
