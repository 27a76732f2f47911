package dev.keapgw.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scriptable upstream on loopback that records exactly what reached it (the raw request
 * target, every header, the body's size and digest), in the spirit of OkHttp's MockWebServer.
 * By default it answers 200 with a small JSON body (and {@link #MARK}); {@link #enqueue} scripts
 * the next answers.
 */
public final class EchoUpstream implements AutoCloseable {
  /** What one request looked like on arrival. */
  public record Received(
      String method, String uri, MultiMap headers, long bodyBytes, String bodySha256) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  /** A header on the default answer, so a test can tell the upstream's answers from the gateway's. */
  public static final String MARK = "X-Echo-Upstream";

  private final Vertx vertx = Vertx.vertx();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Consumer<HttpServerRequest>> script = new ConcurrentLinkedQueue<>();
  private HttpServer server;

  public static EchoUpstream start() {
    EchoUpstream e = new EchoUpstream();
    try {
      e.server = e.vertx
          .createHttpServer()
          .requestHandler(e::handle)
          .listen(0, "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
    return e;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Received> received() {
    return received;
  }

  public Received last() {
    return received.get(received.size() - 1);
  }

  public void reset() {
    received.clear();
    script.clear();
  }

  /** Scripts the answer to the next request (after its body has been read and recorded). */
  public void enqueue(Consumer<HttpServerRequest> answer) {
    script.add(answer);
  }

  /** An answer with this status, headers and body. */
  public static Consumer<HttpServerRequest> answer(int status, MultiMap headers, String body) {
    return req -> {
      HttpServerResponse r = req.response().setStatusCode(status);
      r.headers().addAll(headers);
      r.end(body);
    };
  }

  private void handle(HttpServerRequest req) {
    MessageDigest sha = sha256();
    long[] n = {0};
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
    req.handler(chunk -> {
      sha.update(chunk.getBytes());
      n[0] += chunk.length();
    });
    req.endHandler(v -> {
      received.add(new Received(
          req.method().name(), req.uri(), headers, n[0], HexFormat.of().formatHex(sha.digest())));
      Consumer<HttpServerRequest> next = script.poll();
      if (next != null) {
        next.accept(req);
      } else {
        req.response()
            .putHeader("Content-Type", "application/json")
            .putHeader(MARK, "1")
            .end(Buffer.buffer("{\"ok\":true}"));
      }
    });
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    vertx.close();
  }
}
