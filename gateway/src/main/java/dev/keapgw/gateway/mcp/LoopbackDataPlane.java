package dev.keapgw.gateway.mcp;

import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.proxy.CallerOrigin;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link DataPlane} through the gateway's own listener: an HTTP request to
 * {@code {listener}{path}} with the caller's {@code Authorization}, labelled for the access log
 * with {@link CallerOrigin} ({@code via=mcp:<tool>}). It is the very path an HTTP caller takes,
 * so nothing of the pipeline is duplicated or bypassed. Blocking: tools run on virtual threads.
 *
 * <p>Why a loopback request rather than a call into the pipeline: the pipeline reads its request
 * and streams its answer through Vert.x's server request and response, and every step (refusals,
 * key, rate-limit headers, the access log at the response's end) is defined on them; a stand-in
 * for those would be a second, subtly different way in. The JDK's client keeps its connections
 * to the listener open between calls. (With Vert.x's own client on the gateway's event loops,
 * tool calls were cheaper still in the benchmark, but its callers then saw a few of their
 * {@code /mcp} connections closed without an answer, not yet explained: docs/BENCHMARKS.md,
 * "MCP tool calls".)
 */
final class LoopbackDataPlane implements DataPlane {
  private final HttpClient http;
  private final Duration timeout;

  /** @param timeout how long to wait for an answer: longer than the gateway's own upstream timeout */
  LoopbackDataPlane(Duration timeout) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    this.timeout = timeout;
  }

  @Override
  public Answer send(McpCaller caller, Call call) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(caller.listener())
            + call.path()
            + (call.query().isEmpty() ? "" : "?" + call.query())))
        .timeout(timeout)
        .header("Authorization", caller.authorization())
        .header(RequestIds.HEADER, caller.requestId())
        .header(CallerOrigin.HEADER, CallerOrigin.headerValue("mcp:" + call.tool()))
        .header("Accept", "application/json");
    if (call.connection() != null) {
      b.header("Maton-Connection", call.connection());
    }
    if (call.jsonBody() != null) {
      b.header("Content-Type", "application/json");
      b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.jsonBody()));
    } else {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the gateway's listener did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new IOException("interrupted while waiting for the data plane", e));
    }
  }

  /** {@code http://127.0.0.1:8080} for the listener's address. */
  private static String base(SocketAddress listener) {
    String host = listener.hostAddress();
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + listener.port();
  }
}
