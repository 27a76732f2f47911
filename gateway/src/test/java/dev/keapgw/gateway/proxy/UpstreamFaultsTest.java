package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What callers see when the upstream is slow or broken, using the sandbox's fault injection. */
class UpstreamFaultsTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s,
      g -> g.withTimeouts(new GatewayConfig.Timeouts(
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofMinutes(15),
          Duration.ofHours(24),
          Duration.ofMinutes(30),
          Duration.ofMinutes(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10))));

  static AccountService.NewAccount acct;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("faults");
    DirectConnections.activate(FIX, acct.account().id());
  }

  @AfterEach
  void clear() {
    FIX.sandboxControl().delete("/_sandbox/faults");
  }

  @Test
  void latencyPastTheTimeoutIsAQuick504AndOthersStayServed() throws Exception {
    fault(Map.of(
        "path_prefix", "/crm/rest/v2/users", "kind", "latency", "latency_ms", 5000, "share", 1.0));
    long start = System.nanoTime();
    CompletableFuture<TestHttp.Reply> slow = CompletableFuture.supplyAsync(
        () -> FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/users"));
    // meanwhile another caller is served at once
    TestHttp.Reply other = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/tags?page_size=1");
    assertThat(other.status()).isEqualTo(200);
    TestHttp.Reply r = slow.get();
    assertThat(r.status()).isEqualTo(504);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("upstream_timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void anUpstreamThatDropsTheConnectionIs502() {
    fault(Map.of("path_prefix", "/crm/rest/v2/users", "kind", "drop", "share", 1.0));
    TestHttp.Reply r = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/users");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("upstream_unreachable");
  }

  @Test
  void aConnectionDroppedMidBodyNeverArrivesAsACompleteAnswer() throws Exception {
    fault(Map.of("path_prefix", "/crm/rest/v2/contacts", "kind", "drop_mid_body", "share", 1.0));
    HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest req = HttpRequest.newBuilder(
            URI.create(FIX.gateway().baseUrl() + "/keap/crm/rest/v2/contacts?page_size=50"))
        .header("Authorization", "Bearer " + acct.key().secret())
        .timeout(Duration.ofSeconds(10))
        .build();
    try {
      HttpResponse<String> r = c.send(req, HttpResponse.BodyHandlers.ofString());
      // if an answer arrives at all it must not be a complete 200 with the whole list
      assertThat(r.statusCode() == 200 && r.body().endsWith("}"))
          .as("a complete 200")
          .isFalse();
    } catch (IOException expected) {
      assertThat(expected).isNotNull();
    }
  }

  @Test
  void upstream5xxAnd429PassThroughUntouched() {
    fault(Map.of(
        "path_prefix",
        "/crm/rest/v2/users",
        "kind",
        "status",
        "status",
        503,
        "share",
        1.0,
        "count",
        1));
    TestHttp.Reply r = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/users");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().has("error")).isFalse(); // Keap's body, not the gateway's envelope
    fault(Map.of(
        "path_prefix",
        "/crm/rest/v2/users",
        "kind",
        "status",
        "status",
        429,
        "share",
        1.0,
        "count",
        1));
    TestHttp.Reply q = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/users");
    assertThat(q.status()).isEqualTo(429);
    assertThat(q.json().get("message").asText()).isEqualTo("Quota Exceeded");
  }

  private static void fault(Map<String, Object> rule) {
    TestHttp.Reply r = FIX.sandboxControl().post("/_sandbox/faults", rule);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
