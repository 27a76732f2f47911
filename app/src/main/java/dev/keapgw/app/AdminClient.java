package dev.keapgw.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a running gateway's admin API and prints its JSON answer, pretty. A failure is an
 * {@link IllegalStateException} whose message is one line: the API's own message, or why the
 * gateway could not be reached.
 */
final class AdminClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  AdminClient(String url, String token) {
    String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.base = URI.create(u);
    this.token = token;
  }

  /** Sends the request and prints the answer's JSON on {@code out}. */
  void call(String method, String path, JsonNode body, PrintWriter out) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    if (body != null) {
      req.header("Content-Type", "application/json");
    }
    req.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> r;
    try {
      r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the gateway at " + base + " (" + why(e)
          + "); is it running, and is --url right?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    JsonNode answer = parse(r.body());
    if (r.statusCode() / 100 != 2) {
      JsonNode error = answer == null ? null : answer.path("error");
      if (error == null || !error.hasNonNull("message")) {
        throw new IllegalStateException(base + path + " answered " + r.statusCode()
            + " without the gateway's error JSON; is --url a keap-gateway?");
      }
      throw new IllegalStateException(error.path("message").asText() + " (" + r.statusCode() + " "
          + error.path("type").asText() + ")");
    }
    if (answer == null) {
      throw new IllegalStateException(
          base + path + " answered " + r.statusCode() + " without JSON; is --url a keap-gateway?");
    }
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
    } catch (IOException e) {
      throw new IllegalStateException("cannot print the answer: " + e.getMessage());
    }
    out.flush();
  }

  private static String why(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "nothing answers there";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n == null || n.isMissingNode() ? null : n;
    } catch (IOException e) {
      return null;
    }
  }
}
