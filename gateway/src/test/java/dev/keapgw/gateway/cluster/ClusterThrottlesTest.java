package dev.keapgw.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.engines.Cluster;
import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.gateway.engines.RedisEngine;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The attempt limits hold for the whole cluster when the instances share Redis (pen-test items
 * 1-2, which were per instance): wrong admin tokens and wrong console sign-ins per address, and
 * sign-ins finished per account. Two instances, one injected clock that does not move, so no bucket refills meanwhile;
 * the attempts alternate between the instances, so neither alone sees enough to refuse.
 */
@Tag("slow")
class ClusterThrottlesTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-03T09:30:00Z");
  static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = Cluster.start(
        2,
        PostgresEngine.shared().newDatabase(),
        RedisEngine.shared().url(),
        s -> s.withClock(CLOCK),
        g -> g.withClock(CLOCK));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void wrongAdminTokensAreCountedAcrossInstances() {
    for (int i = 0; i < 10; i++) {
      TestHttp.Reply r = TestHttp.bearer(cluster.gateway(i % 2).baseUrl(), "wrong-token-" + i)
          .get("/admin/accounts");
      assertThat(r.status()).as("try %d: %s", i, r.body()).isEqualTo(401);
    }
    // five wrong tries reached each instance; the cluster saw ten: both refuse now, the right token
    // too
    for (int i = 0; i < 2; i++) {
      TestHttp.Reply r =
          TestHttp.bearer(cluster.gateway(i).baseUrl(), Cluster.ADMIN_TOKEN).get("/admin/accounts");
      assertThat(r.status()).as("instance %d: %s", i, r.body()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isNotNull();
    }
  }

  @Test
  void wrongConsoleSignInsAreCountedAcrossInstances() {
    AccountService.NewAccount acct = cluster.newAccount("console");
    for (int i = 0; i < 10; i++) {
      TestHttp.Reply r = consoleSignIn(i % 2, "kgw_guess-" + i);
      assertThat(r.status()).as("try %d: %s", i, r.body()).isEqualTo(401);
    }
    // five wrong keys reached each instance; the cluster saw ten: the right key is refused too
    for (int i = 0; i < 2; i++) {
      TestHttp.Reply r = consoleSignIn(i, acct.key().secret());
      assertThat(r.status()).as("instance %d: %s", i, r.body()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isNotNull();
    }
  }

  /** A sign-in at instance {@code i}'s console, as its page sends it. */
  private static TestHttp.Reply consoleSignIn(int i, String apiKey) {
    String base = cluster.gateway(i).baseUrl();
    return new TestHttp(base, Map.of("Origin", base))
        .send(
            "POST", "/console/api/session", "application/json", "{\"api_key\":\"" + apiKey + "\"}");
  }

  @Test
  void signInsOfAnAccountAreCountedAcrossInstances() {
    AccountService.NewAccount acct = cluster.newAccount("signing in");
    List<TestHttp.Reply> callbacks = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      TestHttp.Reply created =
          cluster.as(i % 2, acct.key().secret()).post("/connections", Map.of("app", "keap"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      TestHttp.Reply opened =
          ConnectFlow.get(on(i % 2, created.json().at("/connection/url").asText()));
      assertThat(opened.status()).as(opened.body()).isEqualTo(302);
      TestHttp.Reply authorized = ConnectFlow.get(opened.header("Location"));
      assertThat(authorized.status()).as(authorized.body()).isEqualTo(302);
      callbacks.add(ConnectFlow.get(on(i % 2, authorized.header("Location"))));
    }
    assertThat(callbacks.subList(0, 10)).extracting(TestHttp.Reply::status).containsOnly(200);
    // the 11th within the minute, on an instance that finished only five
    assertThat(callbacks.get(10).status()).as(callbacks.get(10).body()).isEqualTo(429);
  }

  /** The same URL sent to instance {@code i} instead of the load balancer's address. */
  private static String on(int i, String url) {
    URI u = URI.create(url);
    URI base = URI.create(cluster.gateway(i).baseUrl());
    return base + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }
}
