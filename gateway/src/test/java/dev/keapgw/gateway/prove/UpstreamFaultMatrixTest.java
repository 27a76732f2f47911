package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream faults beyond {@code proxy.UpstreamFaultsTest} (one slow request, a drop, a cut body,
 * 5xx and 429 passing through) and {@code token.TokenLifecycleTest} (the token endpoint failing
 * with 503 during a refresh: 424 with backoff, then recovery by itself): many hung requests at
 * once, a cut body checked on the wire, drops on writes and reads, and the token endpoint
 * hanging, dropping connections or answering 429 during a refresh.
 */
@Tag("slow")
class UpstreamFaultMatrixTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withClock(CLOCK).withTokenTtls(Duration.ofSeconds(60), Duration.ofDays(45)),
      g -> g.withClock(CLOCK)
          .withLimits(new GatewayConfig.Limits(100_000, 100_000, 0))
          .withTimeouts(new GatewayConfig.Timeouts(
              Duration.ofSeconds(2),
              RESPONSE_TIMEOUT,
              Duration.ofMinutes(15),
              Duration.ofHours(24),
              Duration.ofMinutes(30),
              Duration.ofMinutes(10),
              Duration.ofSeconds(30),
              Duration.ofSeconds(10))));

  @AfterEach
  void clear() {
    FIX.sandboxControl().delete("/_sandbox/faults");
  }

  @Test
  void fortyHungRequestsLeaveOtherCallersServedPromptly() throws Exception {
    String key = connected(1);
    TestHttp hungClient = FIX.as(key);
    TestHttp otherClient = FIX.as(key);
    for (int i = 0; i < 5; i++) { // warm both clients and the paths
      assertThat(hungClient.get("/keap/crm/rest/v2/users").status()).isEqualTo(200);
      assertThat(otherClient.get("/keap/crm/rest/v2/tags?page_size=1").status()).isEqualTo(200);
    }
    fault(Map.of(
        "path_prefix", "/crm/rest/v2/users", "kind", "latency", "latency_ms", 5000, "share", 1.0));
    long start = System.nanoTime();
    List<CompletableFuture<Long>> hung = new ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 40; i++) {
        hung.add(CompletableFuture.supplyAsync(
            () -> {
              long t = System.nanoTime();
              assertThat(hungClient.get("/keap/crm/rest/v2/users").status()).isEqualTo(504);
              return (System.nanoTime() - t) / 1_000_000;
            },
            threads));
      }
      // while they hang, others are answered one after the other, each well before the timeout
      List<Long> others = new ArrayList<>();
      while (others.size() < 20) {
        long t = System.nanoTime();
        assertThat(otherClient.get("/keap/crm/rest/v2/tags?page_size=1").status())
            .isEqualTo(200);
        others.add((System.nanoTime() - t) / 1_000_000);
      }
      assertThat(hung).as("the hung requests were still waiting").anyMatch(f -> !f.isDone());
      List<Long> hungMs = new ArrayList<>();
      for (CompletableFuture<Long> f : hung) {
        hungMs.add(f.get());
      }
      System.out.println(
          "beside 40 hung requests, ms: " + others + "; the hung ones, ms: " + hungMs);
      assertThat(others.stream().sorted().toList().get(others.size() / 2))
          .as("median ms beside them")
          .isLessThan(300);
      assertThat(others).as("ms beside them").allMatch(ms -> ms < RESPONSE_TIMEOUT.toMillis());
      assertThat(hungMs)
          .as("ms until each hung one's 504")
          .allMatch(ms -> ms < RESPONSE_TIMEOUT.toMillis() + 2_500);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aBodyCutMidwayIsNeverACompleteAnswerOnTheWire() {
    String key = connected(1);
    fault(Map.of(
        "path_prefix", "/crm/rest/v2/contacts", "kind", "drop_mid_body", "share", 1.0, "count", 1));
    RawHttp.Exchange x = RawHttp.exchange(
        "127.0.0.1",
        FIX.gateway().port(),
        ("GET /keap/crm/rest/v2/contacts?page_size=50"
                + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1),
        10_000);
    assertThat(x.timedOut()).as("the gateway ended the answer").isFalse();
    for (RawHttp.Response r : x.responses()) {
      assertThat(r.status() == 200 && r.complete())
          .as("a complete 200 on the wire: %s", r.head())
          .isFalse();
    }
    // and the next request is served whole
    assertThat(FIX.as(key).get("/keap/crm/rest/v2/contacts?page_size=50").status())
        .isEqualTo(200);
  }

  @Test
  void aWriteWhoseConnectionDropsIs502AndIsSentOnceAReadAtMostTwice() {
    String key = connected(1);
    fault(Map.of("path_prefix", "/crm/rest/v2/tags", "kind", "drop", "share", 1.0, "count", 5));
    TestHttp.Reply post = FIX.as(key).post("/keap/crm/rest/v2/tags", Map.of("name", "dropped"));
    assertThat(post.status()).isEqualTo(502);
    assertThat(remaining()).as("drops left after one POST").isEqualTo(4);
    TestHttp.Reply get = FIX.as(key).get("/keap/crm/rest/v2/tags");
    assertThat(get.status()).isEqualTo(502);
    assertThat(remaining())
        .as("drops left after one GET (replayed once on a closed connection)")
        .isEqualTo(2);
  }

  @Test
  void aTokenEndpointThatDropsTheConnectionIsTransientAndRecoversByItself() {
    String key = connected(1);
    CLOCK.advance(Duration.ofSeconds(61));
    fault(Map.of("path_prefix", "/token", "kind", "drop", "share", 1.0, "count", 1));
    assertRecoversAfterBackoff(key);
  }

  @Test
  void aTokenEndpoint429IsTransientNotADeadGrant() {
    String key = connected(1);
    CLOCK.advance(Duration.ofSeconds(61));
    fault(
        Map.of("path_prefix", "/token", "kind", "status", "status", 429, "share", 1.0, "count", 1));
    assertRecoversAfterBackoff(key);
  }

  @Test
  void aTokenEndpointHangingPastTheTimeoutGives424PromptlyWhileOtherConnectionsRefresh()
      throws Exception {
    String slow = connected(1);
    String other = connected(2);
    CLOCK.advance(Duration.ofSeconds(61)); // both need a refresh
    fault(Map.of(
        "path_prefix", "/token", "kind", "latency", "latency_ms", 4000, "share", 1.0, "count", 1));
    long start = System.nanoTime();
    CompletableFuture<TestHttp.Reply> hanging = CompletableFuture.supplyAsync(
        () -> FIX.as(slow).get("/keap/crm/rest/v2/contacts?page_size=1"));
    waitUntilTheFaultFired();
    TestHttp.Reply meanwhile = FIX.as(other).get("/keap/crm/rest/v2/contacts?page_size=1");
    assertThat(meanwhile.status()).isEqualTo(200);
    assertThat(hanging)
        .as("the other connection was served while this refresh hung")
        .isNotDone();
    TestHttp.Reply r = hanging.get();
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.status()).isEqualTo(424);
    assertThat(r.json().at("/error/connection_status").asText()).isEqualTo("ACTIVE");
    assertThat(r.header("Retry-After")).isNotNull();
    assertThat(ms).as("ms until the 424").isLessThan(RESPONSE_TIMEOUT.toMillis() + 2_500);
    // The OAuth server, like Keap, rotated the refresh token before its late answer: the new one
    // never arrived, the old one is spent. After the backoff the gateway finds the grant dead and
    // says so, with the url to reconnect: never a hang, a 5xx or a silent retry loop.
    CLOCK.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After")) + 1));
    TestHttp.Reply after = FIX.as(slow).get("/keap/crm/rest/v2/contacts?page_size=1");
    assertThat(after.status()).isEqualTo(424);
    assertThat(after.json().at("/error/connection_status").asText()).isEqualTo("FAILED");
    assertThat(after.json().at("/error/url").asText()).contains("/connect?session_token=");
  }

  private static void assertRecoversAfterBackoff(String key) {
    long before = FIX.sandbox().stats().grants("refresh_token");
    TestHttp.Reply r = FIX.as(key).get("/keap/crm/rest/v2/contacts?page_size=1");
    assertThat(r.status()).isEqualTo(424);
    JsonNode e = r.json().path("error");
    assertThat(e.path("connection_status").asText())
        .as("a passing failure keeps the connection")
        .isEqualTo("ACTIVE");
    assertThat(e.has("url")).as("no reconnect needed").isFalse();
    assertThat(FIX.as(key).get("/keap/crm/rest/v2/contacts?page_size=1").status())
        .as("still backing off")
        .isEqualTo(424);
    CLOCK.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After")) + 1));
    assertThat(FIX.as(key).get("/keap/crm/rest/v2/contacts?page_size=1").status())
        .isEqualTo(200);
    assertThat(FIX.sandbox().stats().grants("refresh_token")).isEqualTo(before + 1);
  }

  /** A new account with an ACTIVE connection to the sandbox tenant {@code i}; its API key. */
  private static String connected(int tenant) {
    String key = FIX.newAccount("faults-" + tenant).key().secret();
    ConnectFlow.connect(FIX, key, Sandbox.tenantId(tenant));
    return key;
  }

  private static void waitUntilTheFaultFired() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (remaining() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(remaining()).as("the token endpoint was called").isZero();
  }

  private static int remaining() {
    return FIX.sandboxControl()
        .get("/_sandbox/faults")
        .json()
        .at("/faults/0/remaining")
        .asInt();
  }

  private static void fault(Map<String, Object> rule) {
    TestHttp.Reply r = FIX.sandboxControl().post("/_sandbox/faults", rule);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
