package dev.keapgw.gateway.trigger.keap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.token.ActiveToken;
import dev.keapgw.gateway.token.TokenManager;
import dev.keapgw.gateway.token.TokenUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Keap's v1 REST hook API for one connection, with the connection's access token from the
 * gateway's token code ({@link TokenManager}: from memory when fresh, refreshed once when due,
 * and after a 401 once more). Blocking: call from worker threads. Failures become gateway
 * errors that say what Keap answered, never a token.
 */
public final class KeapHooksClient {
  /** A subscription as Keap describes it. */
  public record RestHook(String key, String eventKey, String hookUrl, String status) {}

  private final HttpClient http;
  private final Supplier<TokenManager> tokens;
  private final AppConfig app;
  private final Duration timeout;

  public KeapHooksClient(
      Supplier<TokenManager> tokens, AppConfig app, Duration connectTimeout, Duration timeout) {
    this.http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.tokens = tokens;
    this.app = app;
    this.timeout = timeout;
  }

  /** The event keys the connection's Keap account offers. */
  public List<String> eventKeys(Connection c) {
    JsonNode a = call(c, "GET", "/event_keys", null, 200);
    List<String> keys = new ArrayList<>();
    a.forEach(k -> keys.add(k.asText()));
    return keys;
  }

  public RestHook create(Connection c, String eventKey, String hookUrl) {
    String body = new String(
        Json.bytes(Json.object().put("eventKey", eventKey).put("hookUrl", hookUrl)),
        StandardCharsets.UTF_8);
    return hook(call(c, "POST", "", body, 200));
  }

  /** The subscription, or null when Keap no longer has it. */
  public RestHook get(Connection c, String key) {
    JsonNode n = call(c, "GET", "/" + key, null, 404);
    return n == null ? null : hook(n);
  }

  public RestHook verify(Connection c, String key) {
    return hook(call(c, "POST", "/" + key + "/verify", "", 200));
  }

  /** Removes the subscription at Keap (gone already counts as removed). */
  public void delete(Connection c, String key) {
    call(c, "DELETE", "/" + key, null, 404);
  }

  private static RestHook hook(JsonNode n) {
    return new RestHook(
        n.path("key").asText(null),
        n.path("eventKey").asText(null),
        n.path("hookUrl").asText(null),
        n.path("status").asText(null));
  }

  /**
   * @param alsoFine a status answered without error besides 2xx (404 for "gone"): then null
   */
  private JsonNode call(Connection c, String method, String path, String body, int alsoFine) {
    ActiveToken token = token(c, null);
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r = send(token, method, path, body);
      if (r.statusCode() == 401 && attempt == 0) {
        token = token(c, token.accessToken());
        continue;
      }
      if (r.statusCode() >= 200 && r.statusCode() < 300) {
        try {
          return r.body() == null || r.body().isBlank()
              ? Json.object()
              : Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
          throw upstream("Keap answered " + method + " /crm/rest/v1/hooks" + path
              + " with a body that is not JSON");
        }
      }
      if (r.statusCode() == alsoFine && alsoFine != 200) {
        return null;
      }
      String detail =
          r.body() == null ? "" : r.body().length() > 300 ? r.body().substring(0, 300) : r.body();
      GatewayException e = upstream("Keap answered " + method + " /crm/rest/v1/hooks" + path
          + " with " + r.statusCode() + ": " + detail);
      e.with("upstream_status", Integer.toString(r.statusCode()));
      throw e;
    }
  }

  private HttpResponse<String> send(ActiveToken token, String method, String path, String body) {
    String base = app.upstreamUrl().toString();
    URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/crm/rest/v1/hooks" + path);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Authorization", "Bearer " + token.accessToken())
        .header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new GatewayException(
          ErrorType.UPSTREAM_UNREACHABLE,
          "Keap's hook API could not be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(
          ErrorType.UPSTREAM_UNREACHABLE, "interrupted while calling Keap's hook API");
    }
  }

  private ActiveToken token(Connection c, String rejected) {
    TokenManager tm = tokens.get();
    try {
      var f = rejected == null ? tm.token(c) : tm.afterRejection(c.id(), rejected);
      return f.toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TokenUnavailableException t) {
        throw new GatewayException(
                ErrorType.CONNECTION_NOT_READY,
                "Connection '" + c.id() + "' cannot call Keap now: " + t.getMessage())
            .with("connection_id", c.id());
      }
      if (e.getCause() instanceof GatewayException g) {
        throw g;
      }
      throw new GatewayException(
          ErrorType.UPSTREAM_UNREACHABLE,
          "No access token for connection '" + c.id()
              + "': the token endpoint could not be reached");
    } catch (TimeoutException e) {
      throw new GatewayException(
          ErrorType.UPSTREAM_TIMEOUT, "No access token for connection '" + c.id() + "' in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(ErrorType.UPSTREAM_TIMEOUT, "interrupted while getting a token");
    }
  }

  private static GatewayException upstream(String message) {
    return new GatewayException(ErrorType.UPSTREAM_ERROR, message);
  }
}
