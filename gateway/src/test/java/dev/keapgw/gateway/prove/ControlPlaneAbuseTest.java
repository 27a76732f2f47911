package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.connection.OAuthStateRepository;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pen-test findings about one API key's reach on the control plane and the connect flow:
 * control-plane calls spend the account's rate (1), connections are capped per account and the
 * operator can change the caps (1), {@code GET /connections} is paged (1), OAuth states are
 * bounded per connection (1), callbacks per account are limited (2), a connection stays with
 * its first tenant and an ACTIVE connection's url is inert until its owner asks to reconnect
 * (4), a deleted connection's refresh token stops working (5), strict JSON bodies (12), and
 * an error description from the authorize page is not stored (14).
 */
class ControlPlaneAbuseTest {
  /** The gateway's clock stands still: limits that refill over time refill only when a test says so. */
  static final MutableClock CLOCK = new MutableClock("2026-03-01T00:00:00Z");

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> g.withClock(CLOCK));

  /** A new account whose rate limit is high enough for a test that makes many calls. */
  private static String fastAccount(String name) {
    AccountService.NewAccount a = FIX.newAccount(name);
    assertThat(FIX.admin()
            .patch("/admin/accounts/" + a.account().id(), Map.of("rate_limit_per_second", 10_000))
            .status())
        .isEqualTo(200);
    return a.key().secret();
  }

  @Test
  void controlPlaneCallsSpendTheAccountsRate() {
    AccountService.NewAccount a = FIX.newAccount("chatty");
    FIX.admin().patch("/admin/accounts/" + a.account().id(), Map.of("rate_limit_per_second", 1));
    TestHttp me = FIX.as(a.key().secret());
    List<Integer> statuses = new ArrayList<>();
    TestHttp.Reply refused = null;
    for (int i = 0; i < 40 && refused == null; i++) {
      TestHttp.Reply r = me.get("/connections");
      statuses.add(r.status());
      if (r.status() == 429) {
        refused = r;
      }
    }
    assertThat(refused).as("statuses %s", statuses).isNotNull();
    assertThat(refused.json().at("/error/type").asText()).isEqualTo("rate_limited");
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(refused.header("X-RateLimit-Limit"))
        .as("the bucket: rate 1 plus the burst of 20")
        .isEqualTo("21");
    // the data plane spends the same bucket
    assertThat(me.get("/keap/crm/rest/v2/contacts").status()).isEqualTo(429);
  }

  @Test
  void connectionsAreCappedPerAccountAndTheOperatorSetsTheCaps() {
    String key = fastAccount("hoarder");
    TestHttp me = FIX.as(key);
    for (int i = 0; i < 20; i++) {
      assertThat(me.post("/connections", Map.of("app", "keap")).status()).isEqualTo(201);
    }
    TestHttp.Reply refused = me.post("/connections", Map.of("app", "keap"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().at("/error/type").asText()).isEqualTo("connection_limit_reached");
    assertThat(refused.json().at("/error/message").asText()).contains("20 PENDING");
    assertThat(me.get("/connections").json().path("connections")).hasSize(20);

    String account = FIX.gateway()
        .services()
        .accountRepo()
        .ownerOf(dev.keapgw.gateway.account.KeySecrets.hash(key))
        .orElseThrow()
        .account()
        .id();
    TestHttp.Reply patched = FIX.admin()
        .patch(
            "/admin/accounts/" + account,
            Map.of("max_pending_connections", 22, "max_connections", 21));
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().at("/account/max_connections").asInt()).isEqualTo(21);
    assertThat(patched.json().at("/account/max_pending_connections").asInt()).isEqualTo(22);
    assertThat(me.post("/connections", Map.of("app", "keap")).status()).isEqualTo(201);
    TestHttp.Reply all = me.post("/connections", Map.of("app", "keap"));
    assertThat(all.status()).isEqualTo(409);
    assertThat(all.json().at("/error/message").asText()).contains("21 connections");
    assertThat(FIX.admin()
            .patch("/admin/accounts/" + account, Map.of("max_connections", 0))
            .status())
        .isEqualTo(400);
    assertThat(FIX.admin().patch("/admin/accounts/" + account, Map.of()).status())
        .isEqualTo(400);
    assertThat(FIX.admin()
            .get("/admin/accounts/" + account)
            .json()
            .at("/account/max_connections")
            .asInt())
        .isEqualTo(21);
  }

  @Test
  void connectionListsArePaged() {
    String key = fastAccount("pager");
    TestHttp me = FIX.as(key);
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(me.post("/connections", Map.of("app", "keap"))
          .json()
          .at("/connection/connection_id")
          .asText());
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      TestHttp.Reply r =
          me.get("/connections?limit=2" + (token == null ? "" : "&next_token=" + token));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      r.json().path("connections").forEach(c -> seen.add(c.path("connection_id").asText()));
      token = r.json().path("next_token").asText(null);
      pages++;
    } while (token != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(created);
    assertThat(me.get("/connections?limit=0").status()).isEqualTo(400);
    assertThat(me.get("/connections?limit=101").status()).isEqualTo(400);
    assertThat(me.get("/connections?next_token=garbage").status()).isEqualTo(400);
    String mine = me.get("/connections?limit=1").json().path("next_token").asText();
    assertThat(FIX.as(fastAccount("other pager"))
            .get("/connections?next_token=" + mine)
            .status())
        .as("another account's token")
        .isEqualTo(400);
  }

  @Test
  void oauthStatesAreBoundedPerConnection() {
    String key = fastAccount("opener");
    String id = ConnectFlow.create(FIX, key).path("connection_id").asText();
    var states =
        new OAuthStateRepository(FIX.gateway().services().connectionRepo().jdbi());
    int before = states.stateCount();
    for (int i = 0; i < 10; i++) {
      String url =
          FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText();
      assertThat(ConnectFlow.get(url).status()).isEqualTo(302);
    }
    assertThat(states.stateCount() - before).isBetween(1, 3);
  }

  @Test
  void callbacksPerAccountAreLimitedBeforeTheTokenEndpointIsCalled() {
    String key = fastAccount("code guesser");
    String id = ConnectFlow.create(FIX, key).path("connection_id").asText();
    List<TestHttp.Reply> pages = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String state = stateOf(
          FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText());
      pages.add(ConnectFlow.get(
          FIX.gateway().baseUrl() + "/oauth/callback?code=made-up-" + i + "&state=" + state));
    }
    assertThat(pages.subList(0, 10))
        .allSatisfy(p -> assertThat(p.body()).contains("did not grant tokens"));
    assertThat(pages.subList(10, 12)).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo(429);
      assertThat(p.body()).contains("Too many sign-in attempts");
    });
  }

  @Test
  void aConnectionStaysWithItsFirstTenantAndAnActiveUrlIsInertUntilAReconnectIsAsked() {
    String key = fastAccount("tenant mover");
    String id = ConnectFlow.connect(FIX, key, Sandbox.tenantId(1));
    JsonNode active = FIX.as(key).get("/connections/" + id).json().path("connection");
    String tenant = active.at("/metadata/tenant_id").asText();
    assertThat(tenant).isEqualTo(Sandbox.tenantId(1));
    // the url an ACTIVE connection shows changes nothing
    TestHttp.Reply inert = ConnectFlow.get(active.path("url").asText());
    assertThat(inert.status()).isEqualTo(409);
    assertThat(inert.body()).contains("already connected").contains("/reconnect");
    assertThat(active.path("url").asText()).doesNotContain("session_token");

    // the owner asks to reconnect, and signs in to another tenant: nothing moves
    String url = FIX.as(key)
        .post("/connections/" + id + "/reconnect", Map.of())
        .json()
        .at("/connection/url")
        .asText();
    assertThat(url).contains("session_token=");
    assertThat(
            FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText())
        .isEqualTo(url);
    FIX.sandboxControl()
        .send(
            "PUT",
            "/_sandbox/oauth/approval",
            "application/json",
            "{\"tenant_id\":\"" + Sandbox.tenantId(2) + "\"}");
    ConnectFlow.Steps moved;
    try {
      moved = ConnectFlow.open(url);
    } finally {
      FIX.sandboxControl().delete("/_sandbox/oauth/approval");
    }
    assertThat(moved.callback().status()).isEqualTo(409);
    assertThat(moved.callback().body()).contains("different").contains(Sandbox.tenantId(1));
    JsonNode after = FIX.as(key).get("/connections/" + id).json().path("connection");
    assertThat(after.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(after.at("/metadata/tenant_id").asText()).isEqualTo(tenant);

    // a reconnect to the same tenant renews the grant
    String again = FIX.as(key)
        .post("/connections/" + id + "/reconnect", Map.of())
        .json()
        .at("/connection/url")
        .asText();
    FIX.sandboxControl()
        .send(
            "PUT",
            "/_sandbox/oauth/approval",
            "application/json",
            "{\"tenant_id\":\"" + Sandbox.tenantId(1) + "\"}");
    try {
      assertThat(ConnectFlow.open(again).callback().status()).isEqualTo(200);
    } finally {
      FIX.sandboxControl().delete("/_sandbox/oauth/approval");
    }
  }

  @Test
  void aDeletedConnectionsRefreshTokenStopsWorking() throws Exception {
    String key = fastAccount("leaver");
    String id = ConnectFlow.connect(FIX, key);
    var c = FIX.gateway().services().connectionRepo().byId(id).orElseThrow();
    String refresh = FIX.gateway()
        .services()
        .secrets()
        .open(c.refreshTokenSealed(), "connection:" + id + ":refresh");
    long refreshes = refreshGrants();
    assertThat(FIX.as(key).delete("/connections/" + id).status()).isEqualTo(200);
    // the gateway spends the token in the background: wait (generously) for the grant to happen
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (refreshGrants() == refreshes && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    TestHttp.Reply r = FIX.sandboxControl()
        .form(
            "/token",
            "grant_type=refresh_token&refresh_token=" + refresh,
            Map.of(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            "gw-test-client:gw-test-secret".getBytes(StandardCharsets.UTF_8))));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("Invalid Refresh Token");
  }

  @Test
  void bodiesWithTrailingGarbageOrDuplicateKeysAre400() {
    String key = fastAccount("sloppy json");
    for (String body : List.of(
        "{\"app\":\"keap\"} x",
        "{\"app\":\"keap\"}{\"app\":\"other\"}",
        "{\"app\":\"nope\",\"app\":\"keap\"}")) {
      TestHttp.Reply r = FIX.as(key).send("POST", "/connections", "application/json", body);
      assertThat(r.status()).as(body + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("invalid_request");
    }
    TestHttp.Reply dup = FIX.admin()
        .send("POST", "/admin/accounts", "application/json", "{\"name\":\"a\",\"name\":\"b\"}");
    assertThat(dup.status()).isEqualTo(400);
    assertThat(FIX.as(key)
            .send("POST", "/connections", "application/json", "{\"app\":\"keap\"} \n")
            .status())
        .as("trailing white space is fine")
        .isEqualTo(201);
  }

  @Test
  void anErrorDescriptionIsNeitherStoredNorShownAndTheCodeIsKeptOnlyWhenItIsAWord() {
    String key = fastAccount("described");
    String id = ConnectFlow.create(FIX, key).path("connection_id").asText();
    String state = stateOf(
        FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText());
    String description = "Call%20us%20at%20evil.example%E2%80%A8forged%20line%C2%85and%20more";
    TestHttp.Reply page = ConnectFlow.get(
        FIX.gateway().baseUrl() + "/oauth/callback?error=server_error&error_description="
            + description + "&state=" + state);
    assertThat(page.body()).doesNotContain("evil.example");
    JsonNode c = FIX.as(key).get("/connections/" + id).json().path("connection");
    assertThat(c.path("status").asText()).isEqualTo("FAILED");
    assertThat(c.path("failure_reason").asText())
        .contains("server_error")
        .doesNotContain("evil.example");

    String state2 = stateOf(
        FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText());
    ConnectFlow.get(
        FIX.gateway().baseUrl() + "/oauth/callback?error=" + "x%E2%80%A8y" + "&state=" + state2);
    assertThat(FIX.as(key)
            .get("/connections/" + id)
            .json()
            .at("/connection/failure_reason")
            .asText())
        .contains("not recognised")
        .doesNotContain("\u2028");
  }

  private static long refreshGrants() {
    return FIX.sandboxControl()
        .get("/_sandbox/stats")
        .json()
        .at("/token_grants/refresh_token")
        .asLong();
  }

  /** The state the connect link hands to the authorize page (the link is opened, not followed). */
  private static String stateOf(String connectUrl) {
    TestHttp.Reply r = ConnectFlow.get(connectUrl);
    assertThat(r.status()).as(r.body()).isEqualTo(302);
    String q = URI.create(r.header("Location")).getRawQuery();
    for (String pair : q.split("&")) {
      if (pair.startsWith("state=")) {
        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no state in " + r.header("Location"));
  }
}
