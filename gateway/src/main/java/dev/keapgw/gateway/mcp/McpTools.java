package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.Failures;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Json;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * Turns {@link McpTool}s into the SDK's tool specifications: annotations from the tool's hints,
 * and one way every call ends: counted by tool and outcome, a refusal or a gateway error as a
 * tool error whose text says what to do, a bug logged under the request id and answered
 * without details ({@link Failures}).
 */
final class McpTools {
  private final McpMetrics metrics;

  McpTools(McpMetrics metrics) {
    this.metrics = metrics;
  }

  @SuppressWarnings("unchecked")
  SyncToolSpecification spec(McpTool t) {
    McpSchema.Tool tool = McpSchema.Tool.builder()
        .name(t.name())
        .title(t.title())
        .description(t.description())
        .inputSchema(Json.MAPPER.convertValue(t.input(), Map.class))
        .outputSchema(Json.MAPPER.convertValue(t.output(), Map.class))
        .annotations(McpSchema.ToolAnnotations.builder()
            .title(t.title())
            .readOnlyHint(t.hints().readOnly())
            .destructiveHint(t.hints().destructive())
            .idempotentHint(t.hints().idempotent())
            .openWorldHint(true)
            .build())
        .build();
    return new SyncToolSpecification(tool, (context, request) -> call(t, context, request));
  }

  private CallToolResult call(
      McpTool t, McpTransportContext context, McpSchema.CallToolRequest request) {
    McpCaller caller = (McpCaller) context.get(McpCaller.CONTEXT_KEY);
    ToolResults.Answer answer;
    try {
      answer = t.handler().call(caller, new Args(request.arguments()));
    } catch (ToolFailure f) {
      answer = ToolResults.refused(f);
    } catch (RuntimeException e) {
      // a control-plane refusal (unknown connection or app), the store being down, or a bug: mapped
      // once
      GatewayException g = Failures.answer(e, "MCP tool " + t.name(), caller.requestId());
      answer = g.type() == ErrorType.INTERNAL
          ? new ToolResults.Answer(
              CallToolResult.builder()
                  .addTextContent(g.getMessage() + " (request id " + caller.requestId() + ")")
                  .isError(true)
                  .build(),
              "internal_error")
          : gatewayError(g, caller);
    }
    metrics.toolCall(t.name(), answer.outcome());
    return answer.result();
  }

  /** A control-plane refusal (unknown connection, unknown app, ...) as a tool error with the envelope. */
  private static ToolResults.Answer gatewayError(GatewayException e, McpCaller caller) {
    var envelope = dev.keapgw.gateway.http.ErrorBody.of(e, caller.requestId());
    return new ToolResults.Answer(
        ToolResults.json(envelope, true, e.getMessage()), "gateway_error");
  }
}
