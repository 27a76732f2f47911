package dev.keapgw.gateway.mcp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP endpoint's meters on {@code /metrics}: {@code gateway_mcp_tool_calls_total} by
 * {@code tool} and {@code outcome} ({@code ok}; {@code app_error}: the app answered an error;
 * {@code gateway_error}: the gateway refused, e.g. no connection or a rate limit;
 * {@code invalid_arguments}; {@code read_only}; {@code internal_error}), and
 * {@code gateway_mcp_messages_total} by JSON-RPC {@code method}. Labels come from the fixed
 * set of tools and methods, never from what a caller sends.
 */
final class McpMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  McpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void toolCall(String tool, String outcome) {
    counters
        .computeIfAbsent(
            "t|" + tool + "|" + outcome,
            k -> Counter.builder("gateway_mcp_tool_calls")
                .description("MCP tool calls by tool and outcome")
                .tag("tool", tool)
                .tag("outcome", outcome)
                .register(registry))
        .increment();
  }

  void message(String method) {
    counters
        .computeIfAbsent(
            "m|" + method,
            k -> Counter.builder("gateway_mcp_messages")
                .description("MCP messages by JSON-RPC method")
                .tag("method", method)
                .register(registry))
        .increment();
  }
}
