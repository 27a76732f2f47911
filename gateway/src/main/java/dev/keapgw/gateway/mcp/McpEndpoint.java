package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.Failures;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.ErrorBody;
import dev.keapgw.gateway.http.RequestIds;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /mcp}: the Streamable HTTP transport of the Model Context Protocol, stateless. In
 * order, on the event loop: the API key ({@code Authorization: Bearer}) is checked before any
 * byte of the message is read (a missing or bad key is a 401 with {@code WWW-Authenticate});
 * only POST is served (a stateless server opens no stream and keeps no session: GET and
 * DELETE answer 405); a browser's {@code Origin} must be this gateway's or a loopback one; the
 * message is read up to {@link #MAX_MESSAGE} bytes. Then, on a virtual thread of its own, the
 * SDK's server answers it ({@link McpExchange}): the tools may block.
 */
final class McpEndpoint implements Handler<RoutingContext> {
  static final int MAX_MESSAGE = 4 * 1024 * 1024;
  static final String WWW_AUTHENTICATE = "Bearer realm=\"keap-gateway\"";
  private static final Logger LOG = LoggerFactory.getLogger(McpEndpoint.class);
  /** A virtual thread per message: tools block on the store and the data plane, never on an event loop. */
  private static final java.util.concurrent.ThreadFactory THREADS =
      Thread.ofVirtual().name("mcp-", 0).factory();

  private final ApiKeyAuthenticator auth;
  private final ServerTransportSecurityValidator origins;
  private final McpExchange exchange;

  McpEndpoint(
      ApiKeyAuthenticator auth,
      ServerTransportSecurityValidator origins,
      Supplier<McpTransport> transport,
      McpMetrics metrics) {
    this.auth = auth;
    this.origins = origins;
    this.exchange = new McpExchange(transport, metrics);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String requestId = RequestIds.of(req);
    req.response().putHeader(RequestIds.HEADER, requestId);
    req.pause();
    String authorization = req.getHeader("Authorization");
    auth.authenticate(authorization).onComplete(ar -> {
      if (ar.failed()) {
        refuse(req, ar.cause(), requestId);
      } else {
        accept(req, new McpCaller(ar.result(), authorization, requestId, req.localAddress()));
      }
    });
  }

  private void accept(HttpServerRequest req, McpCaller caller) {
    HttpServerResponse res = req.response();
    if (req.method() != HttpMethod.POST) {
      fail(
          req,
          new GatewayException(
                  ErrorType.METHOD_NOT_ALLOWED,
                  "This MCP endpoint is stateless: send each"
                      + " message with POST; it opens no stream (GET) and keeps no session (DELETE).")
              .header("Allow", "POST"),
          caller.requestId());
      return;
    }
    try {
      origins.validateHeaders(headers(req));
    } catch (ServerTransportSecurityException e) {
      req.resume();
      McpExchange.jsonRpcError(res, e.getStatusCode(), null, -32600, e.getMessage());
      return;
    }
    String length = req.getHeader("Content-Length");
    if (length != null && length.length() < 12 && Long.parseLong(length.trim()) > MAX_MESSAGE) {
      fail(req, tooLarge(), caller.requestId());
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] over = {false};
    req.handler(chunk -> {
      if (over[0]) {
        return;
      }
      if (body.length() + chunk.length() > MAX_MESSAGE) {
        over[0] = true;
        fail(req, tooLarge(), caller.requestId());
        return;
      }
      body.appendBuffer(chunk);
    });
    req.exceptionHandler(e -> LOG.debug("an MCP message broke off: {}", e.toString()));
    req.endHandler(v -> {
      if (!over[0]) {
        THREADS
            .newThread(() -> exchange.answer(
                res, caller, body.toString(java.nio.charset.StandardCharsets.UTF_8)))
            .start();
      }
    });
    req.resume();
  }

  private void refuse(HttpServerRequest req, Throwable cause, String requestId) {
    GatewayException e = Failures.answer(cause, "authenticating an MCP request", requestId);
    if (e.type() == ErrorType.UNAUTHORIZED) {
      e.header(
          "WWW-Authenticate",
          req.getHeader("Authorization") == null
              ? WWW_AUTHENTICATE
              : WWW_AUTHENTICATE + ", error=\"invalid_token\"");
    }
    fail(req, e, requestId);
  }

  private static void fail(HttpServerRequest req, GatewayException e, String requestId) {
    // what is left of the message is read and dropped, so the connection can carry the next request
    req.handler(null);
    req.resume();
    ErrorBody.send(req.response(), e, requestId);
  }

  private static GatewayException tooLarge() {
    return new GatewayException(
        ErrorType.PAYLOAD_TOO_LARGE, "An MCP message may be at most " + MAX_MESSAGE + " bytes.");
  }

  private static Map<String, List<String>> headers(HttpServerRequest req) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    req.headers().names().forEach(n -> out.put(n, req.headers().getAll(n)));
    return out;
  }
}
