package dev.keapgw.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.Failures;
import dev.keapgw.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's one error envelope:
 * {@code {"error":{"status":424,"type":"connection_not_ready","message":"...","request_id":"..."}}}
 * plus fields particular to the error (a connection's {@code connection_id} and {@code url}).
 */
public final class ErrorBody {
  private ErrorBody() {}

  public static ObjectNode of(GatewayException e, String requestId) {
    ObjectNode root = Json.object();
    ObjectNode err = root.putObject("error");
    err.put("status", e.type().status());
    err.put("type", e.type().type());
    err.put("message", e.getMessage());
    e.fields().forEach(err::put);
    if (requestId != null) {
      err.put("request_id", requestId);
    }
    return root;
  }

  /** Writes the error as the whole answer, unless an answer has already begun. */
  public static void send(HttpServerResponse out, GatewayException e, String requestId) {
    write(out, e, requestId);
  }

  /**
   * Writes the error as the whole answer to {@code req}, unless an answer has already begun, and
   * closes the connection after it when the error says so ({@link GatewayException#closesConnection}).
   */
  public static void send(HttpServerRequest req, GatewayException e, String requestId) {
    Future<Void> written = write(req.response(), e, requestId);
    if (e.closesConnection()) {
      HttpConnection connection = req.connection();
      written.onComplete(ar -> connection.close());
    }
  }

  private static Future<Void> write(HttpServerResponse out, GatewayException e, String requestId) {
    if (out.headWritten() || out.closed()) {
      return Future.succeededFuture();
    }
    out.setStatusCode(e.type().status());
    e.headers().forEach(out::putHeader);
    out.putHeader("Content-Type", "application/json");
    out.putHeader("Cache-Control", "no-store");
    return out.end(Buffer.buffer(Json.bytes(of(e, requestId))));
  }

  /**
   * The control plane's last word: any failure of a route answered in the envelope. A body over
   * {@code maxBody} is a 413, another 4xx that Vert.x raised without an exception a 400, and
   * anything else goes through {@link Failures#answer}.
   */
  public static Handler<RoutingContext> failureHandler(long maxBody) {
    return ctx -> {
      Throwable t = ctx.failure();
      GatewayException e;
      if (t == null
          && ctx.statusCode()
              == 413) { // Vert.x's body handler fails with a status, not an exception
        e = new GatewayException(
            ErrorType.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBody + " bytes");
      } else if (t == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
        e = GatewayException.badRequest(
            "The request could not be handled (status " + ctx.statusCode() + ")");
      } else {
        e = Failures.answer(
            t == null ? new IllegalStateException("failed with status " + ctx.statusCode()) : t,
            ctx.request().method() + " " + ctx.request().path(),
            ctx.get("request_id"));
      }
      send(ctx.response(), e, ctx.get("request_id"));
    };
  }
}
