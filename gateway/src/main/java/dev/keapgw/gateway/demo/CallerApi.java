package dev.keapgw.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's caller API over HTTP with one API key, as any client of the gateway uses it.
 * The demo makes its connection through it, so the demo exercises what users call.
 */
final class CallerApi {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String apiKey;

  CallerApi(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  JsonNode get(String path) {
    return send("GET", path, null, 200);
  }

  JsonNode post(String path, String json) {
    return send("POST", path, json, 201);
  }

  /** {@code POST /connections/{id}/reconnect}: the connection with a live connect link. */
  JsonNode reconnect(String connectionId) {
    return send("POST", "/connections/" + connectionId + "/reconnect", "{}", 200);
  }

  JsonNode delete(String path) {
    return send("DELETE", path, null, 200);
  }

  /** The answer's JSON when its status is {@code expected}; otherwise the gateway's error message, thrown. */
  private JsonNode send(String method, String path, String json, int expected) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " could not reach the gateway at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      body = null;
    }
    if (r.statusCode() != expected || body == null) {
      String message = body == null ? "" : body.path("error").path("message").asText("");
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode()
          + (message.isEmpty() ? "" : ": " + message));
    }
    return body;
  }
}
