package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.EchoUpstream;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.Tuning;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pen-test finding 8: a slow upload (a few bytes now and then) must not hold an upstream
 * connection as long as it likes, and a full upstream pool must not make requests wait without
 * bound. The gateway here has a 1 s body deadline, one event loop with one upstream connection,
 * and a 0.5 s pool wait; the bounds the test waits for are many times those.
 */
class SlowCallerTest {
  static final EchoUpstream ECHO = EchoUpstream.start();

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s,
      g -> g.withApp(g.apps().get("keap").withUpstream(URI.create(ECHO.url())))
          .withTimeouts(g.timeouts()
              .withRequestBody(Duration.ofSeconds(1))
              .withUpstreamPoolWait(Duration.ofMillis(500)))
          .withTuning(oneUpstreamConnection(g.tuning())));

  static AccountService.NewAccount acct;

  static Tuning oneUpstreamConnection(Tuning t) {
    return new Tuning(
        1,
        t.workerThreads(),
        1,
        t.upstreamKeepIdle(),
        t.maxControlBody(),
        t.maxHeaderBytes(),
        t.idleTimeout(),
        t.sharedStoreCache(),
        t.embeddedStoreCache(),
        t.sweepEvery(),
        t.lastUseFlushEvery());
  }

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("slow callers");
    FIX.admin()
        .patch("/admin/accounts/" + acct.account().id(), Map.of("rate_limit_per_second", 10_000));
    DirectConnections.activate(FIX, acct.account().id());
  }

  @AfterAll
  static void stop() {
    ECHO.close();
  }

  @BeforeEach
  void clean() {
    ECHO.reset();
  }

  @Test
  void aSlowStreamedUploadIsAnswered408AndFreesItsUpstreamConnection() throws Exception {
    // over 64 KiB: the body streams to the upstream as it comes, on an upstream connection
    Slow slow = Slow.upload(FIX.gateway().port(), head(100_000));
    assertThat(slow.responses()).as(slow.text()).hasSize(1);
    RawHttp.Response r = slow.responses().get(0);
    assertThat(r.status()).as(slow.text()).isEqualTo(408);
    assertThat(r.bodyText()).contains("\"type\":\"request_timeout\"").contains("\"request_id\"");
    assertThat(slow.closedByGateway())
        .as("the gateway closes the caller's connection")
        .isTrue();
    assertThat(ECHO.received()).as("no request reached the upstream whole").isEmpty();
    // the one upstream connection the body was going to is free again (held, this would wait the
    // pool wait and answer 503)
    assertThat(FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/contacts").status())
        .isEqualTo(200);
  }

  @Test
  void aSlowSmallUploadIsAnswered408BeforeAnythingGoesUpstream() throws Exception {
    Slow slow = Slow.upload(FIX.gateway().port(), head(2_000));
    assertThat(slow.responses()).as(slow.text()).hasSize(1);
    assertThat(slow.responses().get(0).status()).isEqualTo(408);
    assertThat(slow.closedByGateway()).isTrue();
    assertThat(ECHO.received()).isEmpty();
  }

  @Test
  void aFullUpstreamPoolIsAnswered503WithRetryAfterAfterThePoolWait() throws Exception {
    List<HttpServerRequest> hung = new CopyOnWriteArrayList<>();
    ECHO.enqueue(hung::add); // the first request holds the only upstream connection, unanswered
    HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    CompletableFuture<HttpResponse<String>> first =
        http.sendAsync(get(), HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (hung.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20); // waiting for the upstream to have the first request, not for time to pass
    }
    assertThat(hung).hasSize(1);
    try {
      HttpResponse<String> second = http.send(get(), HttpResponse.BodyHandlers.ofString());
      assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
      assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(second.body()).contains("\"type\":\"upstream_busy\"").contains("\"request_id\"");
      assertThat(ECHO.received()).as("the refused request was never sent").hasSize(1);
    } finally {
      hung.get(0).response().end("{}");
    }
    assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(http.send(get(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    assertThat(FIX.anonymous().get("/metrics").body())
        .contains("gateway_rate_limited_total{limit=\"upstream_pool\"}");
  }

  private static HttpRequest get() {
    return HttpRequest.newBuilder(
            URI.create(FIX.gateway().baseUrl() + "/keap/crm/rest/v2/contacts"))
        .header("Authorization", "Bearer " + acct.key().secret())
        .timeout(Duration.ofSeconds(20))
        .GET()
        .build();
  }

  private static String head(int length) {
    return "POST /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + acct.key().secret() + "\r\nContent-Type: application/json\r\nContent-Length: " + length
        + "\r\n\r\n";
  }

  /** A caller that sends a head, then 100 bytes of body every 200 ms, and reads what comes back. */
  record Slow(RawHttp.Exchange x) {
    static Slow upload(int port, String head) {
      List<byte[]> pieces = new java.util.ArrayList<>();
      pieces.add(head.getBytes(StandardCharsets.ISO_8859_1));
      for (int i = 0; i < 100; i++) {
        pieces.add("x".repeat(100).getBytes(StandardCharsets.ISO_8859_1));
      }
      // the deadline is 1 s; without one the test would wait for these 20 s
      return new Slow(RawHttp.paced("127.0.0.1", port, pieces, 200, 20_000));
    }

    List<RawHttp.Response> responses() {
      return x.responses();
    }

    boolean closedByGateway() {
      return !x.timedOut();
    }

    String text() {
      return x.rawText();
    }
  }
}
