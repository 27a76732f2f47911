package dev.keapgw.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for tests against a real sandbox on loopback. */
public final class TestHttp {
  /** What came back: status, headers, body, and the body as JSON when it is JSON. */
  public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final String base;
  private final Map<String, String> headers;

  public TestHttp(String base, Map<String, String> headers) {
    this.base = base;
    this.headers = Map.copyOf(headers);
  }

  /** A client that sends {@code Authorization: Bearer token} on every call. */
  public static TestHttp bearer(String base, String token) {
    return new TestHttp(base, Map.of("Authorization", "Bearer " + token));
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Reply post(String path, Object json) {
    return send("POST", path, "application/json", body(json));
  }

  public Reply patch(String path, Object json) {
    return send("PATCH", path, "application/json", body(json));
  }

  public Reply form(String path, String form, Map<String, String> extra) {
    HttpRequest.Builder b = builder("POST", path, "application/x-www-form-urlencoded", form);
    extra.forEach(b::header);
    return exec(b);
  }

  public Reply send(String method, String path, String contentType, String body) {
    return exec(builder(method, path, contentType, body));
  }

  private HttpRequest.Builder builder(String method, String path, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return b;
  }

  private Reply exec(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String body(Object json) {
    if (json instanceof String s) {
      return s;
    }
    return new String(Json.bytes(Json.MAPPER.valueToTree(json)), StandardCharsets.UTF_8);
  }

  public static ObjectNode obj() {
    return Json.object();
  }
}
