package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access log as a file: one whole line per request, what it names and what it never shows. */
class AccessLogTest {
  static Path file;

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> {
    file = g.dataDir().resolve("logs/access.log");
    return g.withAccessLog(AccessLogTarget.file(file))
        .withLimits(new GatewayConfig.Limits(100_000, 100_000, 0));
  });

  static AccountService.NewAccount alice;
  static String connection;

  @BeforeAll
  static void connect() {
    alice = FIX.newAccount("alice");
    connection = DirectConnections.activate(FIX, alice.account().id());
  }

  @Test
  void aLineNamesTheRequestByIdsAndShowsNoSecretOrQuery() throws Exception {
    TestHttp http = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + alice.key().secret(), "X-Request-Id", "trace-aaa-111"));
    assertThat(http.get("/keap/crm/rest/v2/contacts?email=someone%40example.com&page_size=1")
            .status())
        .isEqualTo(200);

    String line = awaitLine(l -> l.contains("request_id=trace-aaa-111 "));
    assertThat(line)
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z access request_id=trace-aaa-111"
                + " method=GET path=/keap/crm/rest/v2/contacts status=200 upstream_status=200 duration_us=\\d+ bytes=\\d+"
                + " account=" + alice.account().id() + " key="
                + alice.key().key().id() + " connection=" + connection + " outcome=-");
    assertThat(line)
        .doesNotContain(alice.key().secret())
        .doesNotContain("someone")
        .doesNotContain("page_size");
  }

  @Test
  void aRefusedRequestIsLoggedWithoutAccountOrKey() throws Exception {
    TestHttp http = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer kgw_wrong-key-xyz", "X-Request-Id", "trace-bbb-222"));
    assertThat(http.get("/keap/crm/rest/v2/contacts").status()).isEqualTo(401);

    String line = awaitLine(l -> l.contains("request_id=trace-bbb-222 "));
    assertThat(line)
        .contains(" status=401 upstream_status=- ")
        .contains(" account=- key=- connection=- ")
        .endsWith(" outcome=unauthorized")
        .doesNotContain("kgw_wrong-key-xyz");
  }

  @Test
  void aPathWithoutCrmRestGetsKeapsAnswerUnchangedWithAHintInAHeaderAndTheLog() throws Exception {
    TestHttp http = new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + alice.key().secret(), "X-Request-Id", "trace-ccc-333"));
    TestHttp.Reply r = http.get("/keap/v2/contacts");
    TestHttp.Reply keaps = new TestHttp(FIX.sandbox().baseUrl(), Map.of()).get("/v2/contacts");
    assertThat(keaps.status()).isEqualTo(404);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).isEqualTo(keaps.body());
    assertThat(r.header("X-Gateway-Hint"))
        .contains("/crm/rest")
        .contains("/keap/crm/rest/v2/contacts");
    String line = awaitLine(l -> l.contains("request_id=trace-ccc-333 "));
    assertThat(line)
        .contains(" status=404 upstream_status=404 ")
        .endsWith(" outcome=hint_missing_crm_rest");

    // Keap's own 404s under /crm/rest carry no hint
    TestHttp.Reply missing = http.get("/keap/crm/rest/v2/users/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("X-Gateway-Hint")).isNull();
  }

  @Test
  void concurrentRequestsGiveOneWholeLineEach() throws Exception {
    int n = 400;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = "burst-" + i;
        sent.add(pool.submit(() -> new TestHttp(
                FIX.gateway().baseUrl(),
                Map.of("Authorization", "Bearer " + alice.key().secret(), "X-Request-Id", id))
            .get("/keap/crm/rest/v2/users")
            .status()));
      }
      for (Future<Integer> f : sent) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> burst = awaitLines(n, l -> l.contains("request_id=burst-"));
    assertThat(burst)
        .hasSize(n)
        .allMatch(l -> l.matches(".*Z access request_id=burst-\\d+ method=GET .* outcome=-"));
    assertThat(burst.stream()
            .map(l -> l.replaceAll(".*request_id=(burst-\\d+) .*", "$1"))
            .distinct())
        .hasSize(n);
  }

  private static String awaitLine(Predicate<String> which) throws Exception {
    return awaitLines(1, which).get(0);
  }

  /** The matching lines, once there are at least {@code count} (the log writes every 0.1 s). */
  private static List<String> awaitLines(int count, Predicate<String> which) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<String> found = List.of();
    while (System.nanoTime() < deadline) {
      found =
          Files.exists(file) ? Files.readAllLines(file).stream().filter(which).toList() : List.of();
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the access log has " + found.size() + " of " + count
        + " lines; it holds: " + (Files.exists(file) ? Files.readString(file) : "(no file)"));
  }
}
