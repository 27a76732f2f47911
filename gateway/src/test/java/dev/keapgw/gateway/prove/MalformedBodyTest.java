package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.EchoUpstream;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.gateway.config.GatewayConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pen-test finding 10: a malformed chunked request body is the caller's mistake. It is answered
 * 400 in the gateway's envelope and the connection closed; the access log has one line for it
 * (400, {@code invalid_request}), the metrics count no upstream error, and the upstream never
 * receives a complete request. Both when the bad chunk comes with the head and when it comes
 * after the body has begun streaming upstream.
 */
class MalformedBodyTest {
  static final EchoUpstream ECHO = EchoUpstream.start();
  static Path log;

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> {
    log = g.dataDir().resolve("logs/access.log");
    return g.withApp(g.apps().get("keap").withUpstream(URI.create(ECHO.url())))
        .withAccessLog(AccessLogTarget.file(log))
        .withLimits(new GatewayConfig.Limits(100_000, 100_000, 0));
  });

  static AccountService.NewAccount acct;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("malformed bodies");
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
  void aBadChunkSizeWithTheHeadIs400ForTheCaller() throws Exception {
    assertCallersMistake(
        "malformed-at-once",
        List.of(head("malformed-at-once") + "5\r\n{\"a\":\r\nZZZ\r\nxx\r\n0\r\n\r\n"));
  }

  @Test
  void aBadChunkAfterTheBodyBeganStreamingIs400ForTheCaller() throws Exception {
    // the first chunk goes upstream on its own; the broken one follows once it has
    assertCallersMistake(
        "malformed-midway",
        List.of(
            head("malformed-midway") + "d\r\n{\"given_name\"\r\n",
            ":\"x\"}\r\nnot-a-size\r\n\r\n"));
  }

  private static void assertCallersMistake(String id, List<String> pieces) throws Exception {
    String before = upstreamErrors();
    // the pieces 300 ms apart: the first is forwarded before the broken one arrives
    RawHttp.Exchange sent = RawHttp.paced(
        "127.0.0.1",
        FIX.gateway().port(),
        pieces.stream().map(p -> p.getBytes(StandardCharsets.ISO_8859_1)).toList(),
        300,
        15_000);
    List<RawHttp.Response> responses = sent.responses();
    String text = sent.rawText();
    assertThat(responses).as(text).hasSize(1);
    assertThat(responses.get(0).status()).as(text).isEqualTo(400);
    RawHttp.assertEnvelope(responses.get(0), 400, "invalid_request", "chunked");
    assertThat(sent.timedOut()).as("the connection is closed").isFalse();
    assertThat(ECHO.received()).as("no complete request reached the upstream").isEmpty();
    List<String> lines = accessLines(id);
    assertThat(lines).as("one access-log line, the caller's 400").hasSize(1);
    assertThat(lines.get(0)).contains(" status=400 ").endsWith(" outcome=invalid_request");
    assertThat(upstreamErrors()).as("no upstream error counted").isEqualTo(before);
  }

  private static String head(String id) {
    return "POST /keap/crm/rest/v2/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + acct.key().secret() + "\r\nX-Request-Id: " + id
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  }

  private static String upstreamErrors() {
    return FIX.anonymous()
        .get("/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("gateway_upstream_errors_total"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  /**
   * The access-log lines of request {@code id}, read once the log has had time to write every
   * line of the exchange (it writes every 0.1 s; a later line would follow within that).
   */
  private static List<String> accessLines(String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<String> found = List.of();
    while (found.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      found = Files.exists(log)
          ? Files.readAllLines(log).stream()
              .filter(l -> l.contains("request_id=" + id + " "))
              .toList()
          : List.of();
    }
    // a request on a fresh connection, answered and logged after it, marks when the log has caught
    // up
    String marker = "after-" + id;
    assertThat(new dev.keapgw.sandbox.TestHttp(
                FIX.gateway().baseUrl(),
                Map.of("Authorization", "Bearer " + acct.key().secret(), "X-Request-Id", marker))
            .get("/keap/crm/rest/v2/contacts")
            .status())
        .isEqualTo(200);
    while (System.nanoTime() < deadline
        && Files.readAllLines(log).stream().noneMatch(l -> l.contains(marker))) {
      Thread.sleep(50);
    }
    return Files.readAllLines(log).stream()
        .filter(l -> l.contains("request_id=" + id + " "))
        .toList();
  }
}
