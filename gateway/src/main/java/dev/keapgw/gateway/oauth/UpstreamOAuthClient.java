package dev.keapgw.gateway.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.http.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to an upstream's OAuth endpoints the way Keap wants: form-encoded bodies, the client
 * credentials in the body for the code grant and as HTTP Basic for the refresh grant.
 *
 * <p>Every call is issued on one event-loop context, whichever thread asks: Vert.x 5.0.7's
 * client now and then leaves a request unanswered (until its timeout) when it is issued from a
 * worker thread, and refreshes are made from worker threads.
 */
public final class UpstreamOAuthClient {
  private final HttpClient http;
  private final Duration timeout;
  private final Context eventLoop;

  /** @param eventLoop the event-loop context calls are issued on */
  public UpstreamOAuthClient(HttpClient http, Duration timeout, Context eventLoop) {
    this.http = http;
    this.timeout = timeout;
    this.eventLoop = eventLoop;
  }

  private <T> Future<T> onEventLoop(java.util.function.Supplier<Future<T>> call) {
    Promise<T> result = Promise.promise();
    eventLoop.runOnContext(v -> call.get().onComplete(result));
    return result.future();
  }

  public Future<TokenSet> exchangeCode(AppConfig app, String code, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    return onEventLoop(() -> post(app.tokenUrl(), form, null, "code exchange"));
  }

  public Future<TokenSet> refresh(AppConfig app, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    String basic = Base64.getEncoder()
        .encodeToString(
            (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8));
    return onEventLoop(() -> post(app.tokenUrl(), form, "Basic " + basic, "refresh"));
  }

  /** What the upstream says about a token's grant (Keap: the user and tenant behind it). */
  public Future<JsonNode> userinfo(AppConfig app, String accessToken) {
    URI u = app.upstreamUrl().resolve(app.userinfoPath());
    RequestOptions o = options(u, HttpMethod.GET)
        .putHeader("Authorization", "Bearer " + accessToken)
        .putHeader("Accept", "application/json");
    return onEventLoop(() -> http.request(o)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() != 200) {
            throw new IllegalStateException("userinfo answered " + resp.statusCode());
          }
          try {
            return Json.MAPPER.readTree(b.getBytes());
          } catch (java.io.IOException e) {
            throw new IllegalStateException("userinfo is not JSON");
          }
        })));
  }

  private Future<TokenSet> post(
      URI url, Map<String, String> form, String authorization, String what) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    RequestOptions o = options(url, HttpMethod.POST)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .putHeader("Accept", "application/json");
    if (authorization != null) {
      o.putHeader("Authorization", authorization);
    }
    return http.request(o)
        .compose(req -> req.send(Buffer.buffer(body)))
        .recover(err -> Future.failedFuture(new TokenEndpointException(
            TokenEndpointException.Kind.TRANSIENT,
            "the token endpoint could not be reached for the " + what + " ("
                + err.getClass().getSimpleName() + ")")))
        .compose(resp -> resp.body().compose(b -> interpret(resp, b, what)));
  }

  private static Future<TokenSet> interpret(HttpClientResponse resp, Buffer b, String what) {
    int s = resp.statusCode();
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(b.getBytes());
    } catch (java.io.IOException e) {
      json = null;
    }
    if (s == 200
        && json != null
        && json.hasNonNull("access_token")
        && !printable(json.get("access_token").asText())) {
      // it would go into an Authorization header; a line break there could add headers upstream
      return Future.failedFuture(new TokenEndpointException(
          TokenEndpointException.Kind.TRANSIENT,
          "the token endpoint answered the " + what
              + " with an access token that is not printable ASCII"));
    }
    if (s == 200 && json != null && json.hasNonNull("access_token")) {
      return Future.succeededFuture(new TokenSet(
          json.get("access_token").asText(),
          json.path("refresh_token").asText(null),
          json.path("expires_in").asLong(86_400),
          json.path("scope").asText(null)));
    }
    String error = json == null ? "" : json.path("error").asText("");
    String description = json == null ? "" : json.path("error_description").asText("");
    String detail = (error + (description.isEmpty() ? "" : ": " + description)).trim();
    if (s == 400 && (error.equals("invalid_grant") || error.equals("invalid_request"))) {
      return Future.failedFuture(new TokenEndpointException(
          TokenEndpointException.Kind.DEAD_GRANT,
          "the upstream refused the " + what + " (" + detail + ")"));
    }
    if (s == 401) {
      return Future.failedFuture(new TokenEndpointException(
          TokenEndpointException.Kind.TRANSIENT,
          "the upstream refused the gateway's OAuth client credentials during the " + what
              + "; the operator must check the client id and secret"));
    }
    return Future.failedFuture(new TokenEndpointException(
        TokenEndpointException.Kind.TRANSIENT,
        "the token endpoint answered " + s + " to the " + what
            + (detail.isEmpty() ? "" : " (" + detail + ")")));
  }

  private RequestOptions options(URI u, HttpMethod method) {
    boolean tls = "https".equalsIgnoreCase(u.getScheme());
    int port = u.getPort() > 0 ? u.getPort() : (tls ? 443 : 80);
    String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    return new RequestOptions()
        .setMethod(method)
        .setHost(u.getHost())
        .setPort(port)
        .setSsl(tls)
        .setURI(path)
        .setTimeout(timeout.toMillis());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** RFC 6749's VSCHAR: what an access token may be made of. */
  private static boolean printable(String token) {
    return !token.isEmpty() && token.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }
}
