package dev.keapgw.sandbox;

import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.ErrorBodies;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds the pipeline to a Vert.x HTTP server: reads each request whole (bodies are small JSON),
 * runs the pipeline on a worker thread so that long scans never stall the event loop, and
 * writes the answer, honouring injected delays and dropped connections.
 */
final class HttpFrontend {
  /** Larger bodies answer 413 (Keap's largest are email attachments: ten of 1 MB each). */
  static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  private final Vertx vertx;
  private final Function<KeapRequest, KeapResponse> pipeline;
  private HttpServer server;

  HttpFrontend(Vertx vertx, Function<KeapRequest, KeapResponse> pipeline) {
    this.vertx = vertx;
    this.pipeline = pipeline;
  }

  Future<HttpServer> listen(String host, int port) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setIdleTimeout(120)
        .setMaxInitialLineLength(64 * 1024)
        .setMaxHeaderSize(64 * 1024)
        .setHttp2ClearTextEnabled(false);
    server = vertx.createHttpServer(options).requestHandler(this::accept);
    return server.listen();
  }

  int port() {
    return server.actualPort();
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void accept(HttpServerRequest req) {
    String length = req.getHeader("Content-Length");
    if (length != null && parseLong(length) > MAX_BODY_BYTES) {
      write(
          req, ErrorBodies.of(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes"));
      return;
    }
    req.body().onComplete(ar -> {
      if (ar.failed()) {
        req.connection().close();
        return;
      }
      Buffer body = ar.result();
      vertx.<KeapResponse>executeBlocking(() -> answer(req, body), false).onComplete(res -> {
        if (res.succeeded()) {
          KeapResponse r = res.result();
          if (r.delayMillis() > 0) {
            vertx.setTimer(r.delayMillis(), t -> write(req, r));
          } else {
            write(req, r);
          }
        } else {
          write(req, ErrorBodies.of(500, "Internal error in the sandbox"));
        }
      });
    });
  }

  private KeapResponse answer(HttpServerRequest req, Buffer body) {
    Map<String, String> headers = new LinkedHashMap<>();
    req.headers().forEach(e -> headers.putIfAbsent(e.getKey(), e.getValue()));
    KeapRequest kr;
    try {
      kr = new KeapRequest(
          req.method().name(),
          req.path(),
          req.query(),
          headers,
          body.getBytes(),
          req.remoteAddress() == null ? "" : req.remoteAddress().hostAddress());
    } catch (ApiException e) {
      return ErrorBodies.of(e);
    }
    return pipeline.apply(kr);
  }

  private static void write(HttpServerRequest req, KeapResponse r) {
    if (r.isDropped()) {
      req.connection().close();
      return;
    }
    HttpServerResponse out = req.response();
    if (out.closed()) {
      return;
    }
    out.setStatusCode(r.status());
    r.headers().forEach(out::putHeader);
    byte[] body = r.body();
    if (r.isTruncated() && body.length > 1) {
      out.putHeader("Content-Length", Integer.toString(body.length));
      out.write(Buffer.buffer(java.util.Arrays.copyOf(body, body.length / 2)))
          .onComplete(x -> req.connection().close());
      return;
    }
    out.end(Buffer.buffer(body));
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
