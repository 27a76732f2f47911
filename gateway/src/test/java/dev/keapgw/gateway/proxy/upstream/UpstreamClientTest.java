package dev.keapgw.gateway.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.error.UpstreamException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream client on its own, through real loopback servers: a front server that forwards
 * every GET through the client (as the proxy does, minus keys and limits) to a back server, and
 * what the back server saw: connections opened and closed, Host headers, TLS.
 */
class UpstreamClientTest {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient caller =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final List<UpstreamClient> clients = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    clients.forEach(UpstreamClient::close);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void sequentialRequestsShareOneConnectionWhichIsClosedOnceIdle() throws Exception {
    int back = backServer(new HttpServerOptions(), req -> req.response().end("hello"));
    int front = front(
        settings(Duration.ofSeconds(5), 8, Duration.ofSeconds(1), UpstreamClient.defaultTls()),
        "http://127.0.0.1:" + back);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = get(front);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("hello");
    }
    assertThat(opened.get()).as("connections the back server saw").isEqualTo(1);
    assertThat(hosts).containsOnly("127.0.0.1:" + back);
    awaitAClose();
    assertThat(closed.get()).as("the idle connection was closed by the client").isEqualTo(1);
  }

  @Test
  void neverOpensMoreThanTheCapAndServesEveryRequestThatWaited() throws Exception {
    int back = backServer(
        new HttpServerOptions(), req -> vertx.setTimer(50, t -> req.response().end("slow")));
    int front = front(
        settings(Duration.ofSeconds(10), 2, Duration.ofSeconds(30), UpstreamClient.defaultTls()),
        "http://127.0.0.1:" + back);
    List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(caller.sendAsync(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/x")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> f : all) {
      assertThat(f.get(30, TimeUnit.SECONDS).body()).isEqualTo("slow");
    }
    // the front server runs on one event loop, so one pool: at most two connections at once
    assertThat(mostOpen.get()).isEqualTo(2);
  }

  @Test
  void tlsTrustsOnlyTheConfiguredAuthoritiesAndChecksTheHostName() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
    int back = backServer(
        new HttpServerOptions().setSsl(true).setKeyCertOptions(cert.keyCertOptions()),
        req -> req.response().end("secret page"));
    UpstreamTls trusting = UpstreamTls.trusting(new File(cert.certificatePath()));

    int good = front(
        settings(Duration.ofSeconds(5), 8, Duration.ofSeconds(30), trusting),
        "https://localhost:" + back);
    HttpResponse<String> ok = get(good);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("secret page");
    assertThat(hosts).containsExactly("localhost:" + back);

    // the certificate names localhost, not 127.0.0.1
    int wrongName = front(
        settings(Duration.ofSeconds(5), 8, Duration.ofSeconds(30), trusting),
        "https://127.0.0.1:" + back);
    HttpResponse<String> refused = get(wrongName);
    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(refused.body()).isEqualTo("CONNECT: TLS handshake failed");

    // the JDK's authorities never signed a self-signed certificate
    int untrusted = front(
        settings(Duration.ofSeconds(5), 8, Duration.ofSeconds(30), UpstreamClient.defaultTls()),
        "https://localhost:" + back);
    assertThat(get(untrusted).body()).isEqualTo("CONNECT: TLS handshake failed");
    assertThat(hosts)
        .as("no request reached the back server over a refused handshake")
        .hasSize(1);
  }

  @Test
  void informationalAnswersAreSkippedAndAnHttp10AnswerIsReadToItsEndAndNotReused()
      throws Exception {
    int back = rawServer(socket -> socket.handler(b -> {
      if (b.toString().startsWith("GET /hints")) {
        socket.write("HTTP/1.1 103 Early Hints\r\nLink: </style.css>\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal");
      } else {
        socket
            .write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close")
            .onComplete(v -> socket.close());
      }
    }));
    int front = front(
        settings(Duration.ofSeconds(5), 8, Duration.ofSeconds(30), UpstreamClient.defaultTls()),
        "http://127.0.0.1:" + back);
    HttpResponse<String> hints = get(front, "/hints");
    assertThat(hints.statusCode()).isEqualTo(200);
    assertThat(hints.body()).isEqualTo("final");
    assertThat(get(front, "/old").body()).isEqualTo("until close");
    assertThat(get(front, "/old").body()).isEqualTo("until close");
    assertThat(opened.get())
        .as("the 1.1 connection served /hints and the first /old; the second needed a new one")
        .isEqualTo(2);
  }

  @Test
  void anUpstreamThatNeverAnswersTimesOutAndOneThatClosesFirstIsSaidToHaveClosed()
      throws Exception {
    int back = rawServer(socket -> socket.handler(b -> {
      if (b.toString().startsWith("GET /close")) {
        socket.close();
      } // else: silence
    }));
    int front = front(
        settings(Duration.ofMillis(300), 8, Duration.ofSeconds(30), UpstreamClient.defaultTls()),
        "http://127.0.0.1:" + back);
    long start = System.nanoTime();
    HttpResponse<String> silent = get(front, "/silence");
    assertThat(silent.body()).isEqualTo("TIMEOUT: no answer within the response timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(get(front, "/close").body()).startsWith("CLOSED_BEFORE_ANSWER");
  }

  @Test
  void aCallerThatGoesAwayMidAnswerTakesTheUpstreamConnectionWithIt() throws Exception {
    int back = backServer(new HttpServerOptions(), req -> {
      req.response().setChunked(true).write("first part;");
      vertx.setPeriodic(
          20, t -> req.response().write("more;").onFailure(e -> vertx.cancelTimer(t)));
    });
    int front = front(
        settings(Duration.ofSeconds(30), 8, Duration.ofSeconds(30), UpstreamClient.defaultTls()),
        "http://127.0.0.1:" + back);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", front)) {
      s.getOutputStream()
          .write("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n"
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] buf = new byte[256];
      assertThat(s.getInputStream().read(buf)).isPositive(); // the answer has begun
    }
    awaitAClose();
    assertThat(closed.get())
        .as("the upstream connection was closed, not left streaming to nobody")
        .isEqualTo(1);
  }

  @Test
  void aSlowCallerGetsALargeAnswerWholeWhileTheUpstreamIsHeldBack() throws Exception {
    byte[] page = new byte[8 * 1024 * 1024];
    new java.util.Random(7).nextBytes(page);
    int back = backServer(new HttpServerOptions(), req -> req.response().end(Buffer.buffer(page)));
    int front = front(
        settings(Duration.ofSeconds(30), 8, Duration.ofSeconds(30), UpstreamClient.defaultTls()),
        "http://127.0.0.1:" + back);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", front)) {
      s.setReceiveBufferSize(16 * 1024);
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n"
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      Thread.sleep(
          1_000); // not reading: the front's queue fills and the upstream must be paused, then
      // resumed
      java.io.InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      String head = readHead(in);
      assertThat(head)
          .startsWith("HTTP/1.1 200")
          .containsIgnoringCase("transfer-encoding: chunked");
      readChunked(in, got);
      assertThat(got.toByteArray()).isEqualTo(page);
    }
  }

  @Test
  void aClosedPortIsAConnectFailure() throws Exception {
    int closedPort = dev.keapgw.gateway.FreePort.find();
    int front = front(
        settings(Duration.ofSeconds(5), 8, Duration.ofSeconds(30), UpstreamClient.defaultTls()),
        "http://127.0.0.1:" + closedPort);
    assertThat(get(front).body()).isEqualTo("CONNECT: connection refused");
  }

  private static UpstreamClient.Settings settings(
      Duration timeout, int cap, Duration keepIdle, UpstreamTls tls) {
    return new UpstreamClient.Settings(
        Duration.ofSeconds(5), timeout, cap, keepIdle, Duration.ofSeconds(10), tls);
  }

  /** A server that forwards each request's path to {@code upstream} and passes the answer back. */
  private int front(UpstreamClient.Settings settings, String upstream) throws Exception {
    UpstreamClient c = new UpstreamClient(vertx, settings);
    clients.add(c);
    Origin origin = c.origin(URI.create(upstream));
    HttpServer server = vertx.createHttpServer().requestHandler(req -> {
      c.send(Vertx.currentContext(), origin, new UpstreamRequest(HttpMethod.GET, req.uri()))
          .answered()
          .onSuccess(answer -> {
            req.response().setStatusCode(answer.status()).setChunked(true);
            answer.pipeTo(req.response());
          })
          .onFailure(e -> {
            UpstreamException u = (UpstreamException) e;
            req.response()
                .setStatusCode(u.kind() == UpstreamException.Kind.TIMEOUT ? 504 : 502)
                .end(u.kind() + ": " + u.getMessage());
          });
    });
    return server
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  private int backServer(
      HttpServerOptions options, io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> h)
      throws Exception {
    HttpServer server = vertx
        .createHttpServer(options.setHost("127.0.0.1"))
        .connectionHandler(conn -> {
          opened.incrementAndGet();
          mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
          conn.closeHandler(v -> {
            open.decrementAndGet();
            closed.incrementAndGet();
          });
        })
        .requestHandler(req -> {
          hosts.add(req.headers().get("Host"));
          h.handle(req);
        });
    return server
        .listen(0)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  private int rawServer(Consumer<NetSocket> onConnect) throws Exception {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      opened.incrementAndGet();
      onConnect.accept(socket);
    });
    return server
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .actualPort();
  }

  /** Waits (15 s at most) until the back server has seen a connection close. */
  private void awaitAClose() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (closed.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static String readHead(java.io.InputStream in) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    while (!b.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new java.io.EOFException("the head ended early: " + b);
      }
      b.append((char) c);
    }
    return b.toString();
  }

  private static void readChunked(java.io.InputStream in, java.io.OutputStream to)
      throws java.io.IOException {
    while (true) {
      String line = readLine(in);
      int size = Integer.parseInt(line.split(";")[0].trim(), 16);
      if (size == 0) {
        readLine(in);
        return;
      }
      to.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static String readLine(java.io.InputStream in) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private HttpResponse<String> get(int port) throws Exception {
    return get(port, "/x");
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return caller.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
