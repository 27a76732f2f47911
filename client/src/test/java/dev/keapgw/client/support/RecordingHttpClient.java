package dev.keapgw.client.support;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** A real JDK HTTP client that also records each request it sends (method and URI). */
public final class RecordingHttpClient extends HttpClient {
  /** A request as sent, and the status it got. */
  public record Sent(
      String method, java.net.URI uri, java.net.http.HttpHeaders headers, int status) {}

  private final HttpClient real =
      HttpClient.newBuilder().version(Version.HTTP_1_1).build();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public void clear() {
    sent.clear();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<T> r = real.send(request, handler);
    sent.add(new Sent(request.method(), request.uri(), request.headers(), r.statusCode()));
    return r;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("the client sends synchronously");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    throw new UnsupportedOperationException("the client sends synchronously");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return real.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return real.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return real.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return real.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return real.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return real.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return real.authenticator();
  }

  @Override
  public Version version() {
    return real.version();
  }

  @Override
  public Optional<Executor> executor() {
    return real.executor();
  }
}
