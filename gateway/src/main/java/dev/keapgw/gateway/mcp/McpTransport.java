package dev.keapgw.gateway.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

/**
 * The SDK's side of the endpoint: the SDK's stateless server hands this transport its message
 * handler, and {@link McpEndpoint} passes each authenticated message to it. Stateless: every
 * POST carries one message and is answered on its own, so no session outlives a request, a
 * revoked key is refused at its next message, and any instance of a cluster can answer any
 * message.
 */
final class McpTransport implements McpStatelessServerTransport {
  private volatile McpStatelessServerHandler handler;

  @Override
  public void setMcpHandler(McpStatelessServerHandler handler) {
    this.handler = handler;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.empty();
  }

  /** Answers one request; blocks (call it on a virtual thread). */
  McpSchema.JSONRPCResponse request(McpCaller caller, McpSchema.JSONRPCRequest request) {
    McpTransportContext context = context(caller);
    return handler
        .handleRequest(context, request)
        .contextWrite(c -> c.put(McpTransportContext.KEY, context))
        .block();
  }

  /** Takes one notification; blocks (call it on a virtual thread). */
  void notification(McpCaller caller, McpSchema.JSONRPCNotification notification) {
    McpTransportContext context = context(caller);
    handler
        .handleNotification(context, notification)
        .contextWrite(c -> c.put(McpTransportContext.KEY, context))
        .block();
  }

  private static McpTransportContext context(McpCaller caller) {
    return McpTransportContext.create(java.util.Map.of(McpCaller.CONTEXT_KEY, caller));
  }
}
