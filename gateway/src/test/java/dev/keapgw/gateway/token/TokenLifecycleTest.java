package dev.keapgw.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token lifecycle end to end against the real sandbox, on one injected clock shared by
 * both: refresh ahead of expiry exactly once under concurrency, backoff after a failing token
 * endpoint, a dead grant, and the keep-alive sweeper.
 */
class TokenLifecycleTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withClock(CLOCK).withTokenTtls(Duration.ofSeconds(60), Duration.ofDays(45)),
      g -> g.withClock(CLOCK).withLimits(new GatewayConfig.Limits(100_000, 100_000, 0)));

  AccountService.NewAccount acct;

  @BeforeEach
  void connect() {
    FIX.sandboxControl().delete("/_sandbox/faults");
    acct = FIX.newAccount("lifecycle");
    DirectConnections.activate(FIX, acct.account().id());
  }

  @Test
  void concurrentRequestsAcrossExpiriesCauseExactlyOneRefreshEach() throws Exception {
    for (int round = 0; round < 3; round++) {
      long before = refreshes();
      CLOCK.advance(Duration.ofSeconds(45)); // within the refresh margin (half of 60 s)
      List<Integer> statuses = burst(200, "/keap/crm/rest/v2/oauth/connect/userinfo");
      assertThat(statuses).as("round %d", round).containsOnly(200);
      assertThat(refreshes() - before).as("refreshes in round %d", round).isEqualTo(1);
    }
  }

  @Test
  void aFailingTokenEndpointBacksOffWith424AndRecoversByItself() {
    CLOCK.advance(Duration.ofSeconds(61)); // the access token has expired
    FIX.sandboxControl()
        .post(
            "/_sandbox/faults",
            Map.of("path_prefix", "/token", "kind", "status", "status", 503, "count", 1));
    TestHttp.Reply r = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/oauth/connect/userinfo");
    assertThat(r.status()).isEqualTo(424);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("connection_not_ready");
    assertThat(r.header("Retry-After")).isNotNull();
    // before the backoff ends, no new attempt reaches the token endpoint
    long before = refreshes();
    assertThat(FIX.as(acct.key().secret())
            .get("/keap/crm/rest/v2/oauth/connect/userinfo")
            .status())
        .isEqualTo(424);
    assertThat(refreshes()).isEqualTo(before);
    CLOCK.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After")) + 1));
    assertThat(FIX.as(acct.key().secret())
            .get("/keap/crm/rest/v2/oauth/connect/userinfo")
            .status())
        .isEqualTo(200);
    assertThat(refreshes()).isEqualTo(before + 1);
  }

  @Test
  void aRevokedGrantGivesFailedAnd424WithTheUrlAndReconnectingRevivesIt() {
    String tenant = Sandbox.tenantId(1);
    FIX.sandboxControl().post("/_sandbox/tenants/" + tenant + "/tokens:revoke", "{}");
    TestHttp.Reply r = FIX.as(acct.key().secret()).get("/keap/crm/rest/v2/oauth/connect/userinfo");
    assertThat(r.status()).isEqualTo(424);
    assertThat(r.json().at("/error/connection_status").asText()).isEqualTo("FAILED");
    String url = r.json().at("/error/url").asText();
    assertThat(url).startsWith(FIX.gateway().baseUrl() + "/connect?session_token=");
    assertThat(r.json().at("/error/message").asText()).contains(url);
    String id = r.json().at("/error/connection_id").asText();
    assertThat(FIX.as(acct.key().secret())
            .get("/connections/" + id)
            .json()
            .at("/connection/status")
            .asText())
        .isEqualTo("FAILED");
    // reconnect: open the url the 424 named
    ConnectFlow.Steps steps = ConnectFlow.open(url);
    assertThat(steps.callback().status()).isEqualTo(200);
    assertThat(FIX.as(acct.key().secret())
            .get("/connections/" + id)
            .json()
            .at("/connection/status")
            .asText())
        .isEqualTo("ACTIVE");
    assertThat(FIX.as(acct.key().secret())
            .get("/keap/crm/rest/v2/oauth/connect/userinfo")
            .status())
        .isEqualTo(200);
  }

  @Test
  void theSweeperRefreshesConnectionsIdleForADay() throws Exception {
    long before = refreshes();
    CLOCK.advance(Duration.ofHours(24));
    int started = sweep();
    assertThat(started).isGreaterThanOrEqualTo(1);
    assertThat(refreshes()).isEqualTo(before + started);
    // right after, nothing is due
    assertThat(sweep()).isZero();
  }

  private static int sweep() throws Exception {
    return FIX.gateway()
        .sweeper()
        .sweep()
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static long refreshes() {
    return FIX.sandbox().stats().grants("refresh_token");
  }

  private List<Integer> burst(int n, String path) throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(client.sendAsync(
          HttpRequest.newBuilder(URI.create(FIX.gateway().baseUrl() + path))
              .header("Authorization", "Bearer " + acct.key().secret())
              .timeout(Duration.ofSeconds(60))
              .build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> out = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> c : calls) {
      out.add(c.get().statusCode());
    }
    return out;
  }
}
