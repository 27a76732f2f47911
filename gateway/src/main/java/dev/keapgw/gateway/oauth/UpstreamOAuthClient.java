package dev.keapgw.gateway.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Talks to an upstream's OAuth endpoints the way Keap wants: form-encoded bodies, the client
 * credentials in the body for the code grant and as HTTP Basic for the refresh grant.
 *
 * <p>A plain blocking client (the JDK's, HTTP/1.1, its work on virtual threads): token calls
 * are few and made off the event loops, so they need none of the data plane's machinery.
 */
public final class UpstreamOAuthClient implements OAuthClient {
  /** userinfo only adds metadata: the browser waiting for the callback does not wait long for it. */
  private static final Duration USERINFO_LIMIT = Duration.ofSeconds(10);

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param connectTimeout how long connecting may take
   * @param timeout how long an answer may take once the request is sent
   */
  public UpstreamOAuthClient(Duration connectTimeout, Duration timeout) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(threads)
        .build();
    this.timeout = timeout;
  }

  @Override
  public TokenSet exchangeCode(AppConfig app, String code, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    return post(app.tokenUrl(), form, null, "code exchange");
  }

  @Override
  public TokenSet refresh(AppConfig app, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    String basic = Base64.getEncoder()
        .encodeToString(
            (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8));
    return post(app.tokenUrl(), form, "Basic " + basic, "refresh");
  }

  @Override
  public JsonNode userinfo(AppConfig app, String accessToken) {
    HttpRequest req = HttpRequest.newBuilder(app.upstreamUrl().resolve(app.userinfoPath()))
        .timeout(timeout.compareTo(USERINFO_LIMIT) < 0 ? timeout : USERINFO_LIMIT)
        .header("Authorization", "Bearer " + accessToken)
        .header("Accept", "application/json")
        .GET()
        .build();
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(
          "userinfo could not be read (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading userinfo");
    }
    if (resp.statusCode() != 200) {
      throw new IllegalStateException("userinfo answered " + resp.statusCode());
    }
    try {
      return Json.MAPPER.readTree(resp.body());
    } catch (IOException e) {
      throw new IllegalStateException("userinfo is not JSON");
    }
  }

  private TokenSet post(URI url, Map<String, String> form, String authorization, String what) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder req = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TokenEndpointException(
          TokenEndpointException.Kind.TRANSIENT,
          "the token endpoint did not answer the " + what + " in time");
    } catch (IOException e) {
      throw new TokenEndpointException(
          TokenEndpointException.Kind.TRANSIENT,
          "the token endpoint could not be reached for the " + what + " ("
              + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenEndpointException(
          TokenEndpointException.Kind.TRANSIENT, "interrupted during the " + what);
    }
    return TokenAnswers.interpret(resp.statusCode(), resp.body(), what);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    http.close();
    threads.close();
  }
}
