package dev.keapgw.gateway.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * Tool results as the endpoint answers them: the JSON both as text (for clients that read only
 * text) and as {@code structuredContent}, and errors as results with {@code isError} whose
 * text says what to do.
 */
final class ToolResults {
  private ToolResults() {}

  /** What a tool answered, and how the metrics label it. */
  record Answer(CallToolResult result, String outcome) {}

  static Answer ok(ObjectNode value) {
    return new Answer(json(value, false, null), "ok");
  }

  /**
   * A result carrying {@code value}; an error result when {@code error}, its text then led by
   * {@code summary} (what happened and what to do) before the JSON.
   */
  static CallToolResult json(ObjectNode value, boolean error, String summary) {
    String text = text(value);
    return CallToolResult.builder()
        .addTextContent(summary == null ? text : summary + "\n" + text)
        .structuredContent(Json.MAPPER.convertValue(value, Map.class))
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
