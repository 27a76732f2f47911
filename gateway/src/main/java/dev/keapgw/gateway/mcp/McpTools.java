package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.http.GatewayException;
import dev.keapgw.gateway.store.StoreUnavailable;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import dev.keapgw.gateway.http.Json;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link McpTool}s into the SDK's tool specifications: annotations from the tool's hints,
 * and one way every call ends: counted by tool and outcome, a refusal or a gateway error as a
 * tool error whose text says what to do, a bug logged under the request id and answered
 * without details.
 */
final class McpTools {
  private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);
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
        .annotations(McpSchema.ToolAnnotations.builder().title(t.title()).readOnlyHint(t.hints().readOnly())
            .destructiveHint(t.hints().destructive()).idempotentHint(t.hints().idempotent()).openWorldHint(true)
            .build())
        .build();
    return new SyncToolSpecification(tool, (context, request) -> call(t, context, request));
  }

  private CallToolResult call(McpTool t, McpTransportContext context, McpSchema.CallToolRequest request) {
    McpCaller caller = (McpCaller) context.get(McpCaller.CONTEXT_KEY);
    ToolResults.Answer answer;
    try {
      answer = t.handler().call(caller, new Args(request.arguments()));
    } catch (ToolFailure f) {
      answer = ToolResults.refused(f);
    } catch (GatewayException e) {
      answer = gatewayError(e, caller);
    } catch (RuntimeException e) {
      if (StoreUnavailable.matches(e)) {
        answer = gatewayError(StoreUnavailable.error(), caller);
      } else {
        LOG.error("gateway bug in MCP tool {} (request {})", t.name(), caller.requestId(), e);
        answer = new ToolResults.Answer(CallToolResult.builder().addTextContent("Internal error in the gateway"
            + " (request id " + caller.requestId() + "); try again, or tell the gateway's operator.")
            .isError(true).build(), "internal_error");
      }
    }
    metrics.toolCall(t.name(), answer.outcome());
    return answer.result();
  }

  /** A control-plane refusal (unknown connection, unknown app, ...) as a tool error with the envelope. */
  private static ToolResults.Answer gatewayError(GatewayException e, McpCaller caller) {
    var envelope = dev.keapgw.gateway.http.ErrorBody.of(e, caller.requestId());
    return new ToolResults.Answer(ToolResults.json(envelope, true, e.getMessage()), "gateway_error");
  }
}
