package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.proxy.CallerOrigin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * {@link DataPlane} through the gateway's own listener: an HTTP request to {@code {listener}{path}}
 * with the caller's {@code Authorization}, labelled for the access log with {@link CallerOrigin}
 * ({@code via=mcp:<tool>}). It is the very path an HTTP caller takes (the listener's framing
 * checks, then the data-plane pipeline), so nothing of the pipeline is duplicated or bypassed.
 *
 * <p>Why a loopback request rather than a call into the pipeline: the pipeline reads its request
 * and streams its answer through Vert.x's server request and response, and every step (refusals,
 * key, rate-limit headers, the access log at the response's end) is defined on them; a stand-in
 * for those would be a second, subtly different way in. The hop is made cheap instead: Vert.x's
 * own HTTP client on the gateway's event loops, its keep-alive connections pooled, so a tool call
 * costs one request on an open loopback connection (docs/BENCHMARKS.md, "MCP tool calls").
 * Blocking: tools run on virtual threads, which wait here without holding an event loop.
 */
final class LoopbackDataPlane implements DataPlane {
  /** Open connections to the listener at most; more concurrent tool calls wait for one. */
  static final int CONNECTIONS = 256;
  private final HttpClient http;
  private final long timeoutMillis;

  /**
   * @param vertx the gateway's Vert.x, whose event loops carry the requests
   * @param timeout how long an answer may stay silent: longer than the gateway's own upstream
   *     timeout, so that its 504 is what comes back
   */
  LoopbackDataPlane(Vertx vertx, Duration timeout) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setName("mcp-data-plane").setKeepAlive(true)
        .setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public Answer send(McpCaller caller, Call call) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(call.method()))
        .setHost(caller.listener().hostAddress())
        .setPort(caller.listener().port())
        .setURI(call.query().isEmpty() ? call.path() : call.path() + "?" + call.query())
        .setIdleTimeout(timeoutMillis)
        .putHeader("Authorization", caller.authorization())
        .putHeader(RequestIds.HEADER, caller.requestId())
        .putHeader(CallerOrigin.HEADER, CallerOrigin.headerValue("mcp:" + call.tool()))
        .putHeader("Accept", "application/json");
    if (call.connection() != null) {
      options.putHeader("Maton-Connection", call.connection());
    }
    if (call.jsonBody() != null) {
      options.putHeader("Content-Type", "application/json");
    }
    Future<Answer> answer = http.request(options)
        .compose(req -> call.jsonBody() == null ? req.send() : req.send(Buffer.buffer(call.jsonBody())))
        .compose(res -> res.body().map(body -> answer(res, body)));
    try {
      return answer.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw new UncheckedIOException(new IOException("the gateway's listener did not answer: "
          + e.getCause().getMessage(), e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while waiting for the data plane", e));
    }
  }

  private static Answer answer(HttpClientResponse res, Buffer body) {
    return new Answer(res.statusCode(), res.getHeader("Content-Type"), body.getBytes());
  }
}
