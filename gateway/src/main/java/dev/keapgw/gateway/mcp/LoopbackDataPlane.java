package dev.keapgw.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.proxy.CallerOrigin;
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
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
            caller.listener() + call.path() + (call.query().isEmpty() ? "" : "?" + call.query())))
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
      String type = r.headers().firstValue("Content-Type").orElse(null);
      return new Answer(
          r.statusCode(), type, r.body(), madeByGateway(r.body(), caller.requestId()));
    } catch (IOException e) {
      throw new UncheckedIOException("the gateway's listener did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new IOException("interrupted while waiting for the data plane", e));
    }
  }

  /**
   * Whether the answer is the gateway's own error envelope: {@code {"error":{"type",...,"request_id"}}}
   * carrying the request id this call sent. Keap's errors have another shape
   * ({@code {"code","message","status","details"}} or {@code {"fault":...}}).
   */
  static boolean madeByGateway(byte[] body, String requestId) {
    if (body.length == 0 || body[0] != '{') {
      return false;
    }
    try {
      JsonNode err = Json.MAPPER.readTree(body).path("error");
      return err.path("type").isTextual()
          && requestId.equals(err.path("request_id").asText(null));
    } catch (IOException e) {
      return false;
    }
  }
}
