package dev.keapgw.gateway.trigger.delivery;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one message to a destination: resolves its host and checks the addresses
 * ({@link DestinationGuard}, blocking: call {@link #send} from a worker thread), connects to the
 * checked address (the host name still goes in {@code Host} and TLS's SNI, and the certificate
 * is checked against it), and reports the outcome without ever failing the future.
 *
 * <p>The exchange runs on one event-loop context taken when the sender is made, whatever thread calls
 * {@link #send}: built on the calling worker thread, the chain of callbacks raced the event
 * loop delivering the response, and a response that ended before {@code body()} was asked for
 * left the future pending for ever (the delivery stayed claimed, its destination's order
 * stalled, and the dispatcher lost one of its in-flight places).
 */
public final class Sender implements AutoCloseable {
  private static final int MAX_ERROR = 300;

  private final HttpClient http;
  private final Context context;
  private final DestinationGuard guard;
  private final Duration timeout;
  private final Clock clock;

  public Sender(Vertx vertx, DestinationGuard guard, Duration timeout, Clock clock) {
    this.http = vertx.createHttpClient(
        new HttpClientOptions()
            .setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000))
            .setVerifyHost(true)
            .setForceSni(true)
            .setKeepAlive(true)
            .setIdleTimeout(30),
        new PoolOptions().setHttp1MaxSize(4));
    this.context = eventLoopContext(vertx);
    this.guard = guard;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * An event-loop context for the exchanges. Off Vert.x's threads (where features are mounted)
   * {@code getOrCreateContext} makes a new one; on an event loop it answers that loop's, which
   * serves as well; on a worker it would answer the worker's, the very mistake this avoids, so it
   * is asked from a thread of its own.
   */
  static Context eventLoopContext(Vertx vertx) {
    Context here = Vertx.currentContext();
    Context c = here == null || here.isEventLoopContext()
        ? vertx.getOrCreateContext()
        : CompletableFuture.supplyAsync(vertx::getOrCreateContext, Thread::startVirtualThread)
            .join();
    if (!c.isEventLoopContext()) {
      throw new IllegalStateException("no event-loop context for the trigger sender: " + c);
    }
    return c;
  }

  public Future<Outcome> send(String url, String method, Message m) {
    long start = System.nanoTime();
    URI u;
    InetAddress address;
    try {
      u = URI.create(url);
      address = guard.resolve(u.getHost());
    } catch (DestinationGuard.Refused e) {
      return Future.succeededFuture(new Outcome(null, elapsed(start), e.getMessage(), null));
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(
          new Outcome(null, elapsed(start), "the destination's url is not valid", null));
    }
    boolean tls = "https".equalsIgnoreCase(u.getScheme());
    int port = u.getPort() > 0 ? u.getPort() : tls ? 443 : 80;
    String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(method))
        .setHost(u.getHost())
        .setPort(port)
        .setSsl(tls)
        .setURI(path)
        .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
        .setTimeout(timeout.toMillis());
    m.headers().forEach(options::putHeader);
    Promise<Outcome> outcome = Promise.promise();
    context.runOnContext(v -> exchange(options, m, start).onComplete(outcome));
    return outcome.future();
  }

  /** The request and its answer; runs on {@link #context}, so callbacks are set before the answer comes. */
  private Future<Outcome> exchange(RequestOptions options, Message m, long start) {
    return http.request(options)
        .compose(req -> req.send(Buffer.buffer(m.body())))
        .compose(resp -> resp.body().map(ignored -> {
          int s = resp.statusCode();
          Duration retryAfter = retryAfter(resp.getHeader("Retry-After"), clock.instant());
          String err = s >= 200 && s < 300 ? null : "the destination answered " + s;
          return new Outcome(s, elapsed(start), err, err == null ? null : retryAfter);
        }))
        .recover(t -> Future.succeededFuture(new Outcome(null, elapsed(start), describe(t), null)));
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String describe(Throwable t) {
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    String s = "the destination could not be reached: " + msg;
    return s.length() > MAX_ERROR ? s.substring(0, MAX_ERROR) : s;
  }

  /** A {@code Retry-After} value (seconds or an HTTP date) as a wait from {@code now}; null when absent or unreadable. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return Duration.ofSeconds(Long.parseLong(v));
    } catch (NumberFormatException e) {
      try {
        return Duration.between(
            now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
