package dev.keapgw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.connection.OneTimeTokens;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console over plain HTTP against a real gateway in front of the sandbox: its headers,
 * sessions (cookie, store, revocation, sign-out), CSRF and origin refusals, and that one
 * account never reaches another's data.
 */
class ConsoleHttpTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  static AccountService.NewAccount alice;
  static AccountService.NewAccount bob;
  static String aliceConnection;

  @BeforeAll
  static void accounts() {
    alice = FIX.newAccount("alice");
    bob = FIX.newAccount("bob");
    aliceConnection = ConnectFlow.connect(FIX, alice.key().secret());
  }

  private static ConsoleClient client() {
    return new ConsoleClient(FIX.gateway().baseUrl());
  }

  private static ConsoleClient signedIn(AccountService.NewAccount a) {
    ConsoleClient c = client();
    assertThat(c.signIn(a.key().secret()).status()).isEqualTo(200);
    return c;
  }

  @Test
  void pagesAndAnswersCarryAStrictPolicyAndNoInlineCode() {
    TestHttp.Reply page = client().get("/console");
    assertThat(page.status()).isEqualTo(200);
    String csp = page.header("Content-Security-Policy");
    assertThat(csp)
        .contains(
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("Content-Type")).startsWith("text/html");
    for (String name : ConsoleAssets.PAGES) {
      String html = new String(
          new ConsoleAssets().get(name).bytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(html)
          .as(name)
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
          .doesNotContain("style=", "<style", " onclick=", " onload=");
    }
    ConsoleClient c = signedIn(alice);
    TestHttp.Reply data = c.get("/console/api/connections");
    assertThat(data.header("Cache-Control")).isEqualTo("no-store");
    assertThat(data.header("Content-Security-Policy")).isEqualTo(ConsoleHttp.CSP);
    TestHttp.Reply script = client().get("/console/assets/common.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(client().get("/console/assets/..%2FConsoleAssets.class").status())
        .isEqualTo(404);
    assertThat(client().get("/console/assets/nothing.js").status()).isEqualTo(404);
  }

  @Test
  void aBrowserOpeningTheRootIsSentToTheConsole() {
    TestHttp.Reply r =
        client().http(Map.of("Accept", "text/html,application/xhtml+xml")).get("/");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).isEqualTo("/console");
    assertThat(client().get("/").status())
        .as("an API client still gets the JSON 404")
        .isEqualTo(404);
  }

  @Test
  void noPageAndNoDataWithoutASession() {
    ConsoleClient anonymous = client();
    for (String page : List.of("/console/connections", "/console/traffic", "/console/triggers")) {
      TestHttp.Reply r = anonymous.get(page);
      assertThat(r.status()).as(page).isEqualTo(302);
      assertThat(r.header("Location")).isEqualTo("/console");
    }
    assertThat(anonymous.get("/console/admin/overview").header("Location"))
        .isEqualTo("/console/admin");
    for (String api : List.of(
        "/console/api/session",
        "/console/api/connections",
        "/console/api/traffic",
        "/console/api/triggers",
        "/console/api/admin/overview",
        "/console/api/admin/traffic")) {
      TestHttp.Reply r = anonymous.get(api);
      assertThat(r.status()).as(api).isEqualTo(401);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("unauthorized");
    }
    // an account's session is not the operator's
    ConsoleClient account = signedIn(alice);
    assertThat(account.get("/console/api/admin/overview").status()).isEqualTo(401);
    assertThat(account.get("/console/admin/overview").status()).isEqualTo(302);
    // nor does an API key work in place of a session
    assertThat(FIX.as(alice.key().secret()).get("/console/api/connections").status())
        .isEqualTo(401);
  }

  @Test
  void theKeyIsExchangedOnceForAnHttpOnlyStrictCookieKeptOnlyAsAHash() {
    ConsoleClient c = client();
    TestHttp.Reply r = c.signIn(alice.key().secret());
    assertThat(r.status()).isEqualTo(200);
    String set = r.header("Set-Cookie");
    assertThat(set)
        .startsWith("kgw_console=")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict", "Path=/console", "Max-Age=3600")
        .doesNotContain("Secure")
        .doesNotContain(alice.key().secret());
    assertThat(r.body()).doesNotContain(alice.key().secret());
    assertThat(r.json().at("/account/name").asText()).isEqualTo("alice");
    String token = c.cookie.substring("kgw_console=".length());
    List<String> stored = FIX.gateway()
        .services()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT token_hash FROM console_sessions")
            .mapTo(String.class)
            .list());
    assertThat(stored).contains(OneTimeTokens.hash(token)).doesNotContain(token);
    assertThat(c.json("/console/api/session").at("/account/id").asText())
        .isEqualTo(alice.account().id());
  }

  @Test
  void aBadKeyOrTokenIsRefusedWithoutASession() {
    ConsoleClient c = client();
    TestHttp.Reply r = c.signIn("kgw_not-a-key");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Set-Cookie")).isNull();
    assertThat(r.body()).doesNotContain("kgw_not-a-key");
    assertThat(c.operatorSignIn("wrong-admin-token").status()).isEqualTo(401);
    assertThat(c.operatorSignIn(alice.key().secret()).status())
        .as("an API key is not the admin token")
        .isEqualTo(401);
    assertThat(FIX.anonymous().get("/metrics").body())
        .containsPattern(
            "gateway_console_sign_ins_total\\{kind=\"account\",outcome=\"refused\"} [1-9]");
  }

  @Test
  void signingOutOrRevokingTheKeyEndsTheSession() {
    ConsoleClient out = signedIn(alice);
    assertThat(out.change("DELETE", "/console/api/session", null).status()).isEqualTo(200);
    assertThat(out.get("/console/api/connections").status()).isEqualTo(401);

    AccountService.IssuedKey extra =
        FIX.gateway().services().accounts().createKey(alice.account().id(), "console");
    ConsoleClient c = signedIn(new AccountService.NewAccount(alice.account(), extra));
    assertThat(c.get("/console/api/connections").status()).isEqualTo(200);
    assertThat(FIX.admin().delete("/admin/keys/" + extra.key().id()).status()).isEqualTo(200);
    assertThat(c.get("/console/api/connections").status()).isEqualTo(401);
    assertThat(c.get("/console/connections").status()).isEqualTo(302);
    assertThat(FIX.anonymous().get("/metrics").body())
        .contains("gateway_console_sign_outs_total{kind=\"account\"}")
        .contains("gateway_console_sessions");
  }

  @Test
  void aChangeWithoutTheCsrfTokenOrFromAnotherSiteIsRefusedAndChangesNothing() {
    ConsoleClient c = signedIn(alice);
    String path = "/console/api/connections/" + aliceConnection;
    String origin = FIX.gateway().baseUrl();
    List<Map<String, String>> refused = List.of(
        Map.of("Origin", origin),
        Map.of("Origin", origin, "X-CSRF-Token", "0".repeat(64)),
        Map.of("Origin", "https://evil.example", "X-CSRF-Token", c.csrf),
        Map.of("Origin", origin, "X-CSRF-Token", c.csrf, "Sec-Fetch-Site", "cross-site"));
    for (Map<String, String> headers : refused) {
      TestHttp.Reply r = c.change("DELETE", path, null, headers);
      assertThat(r.status()).as(headers.toString()).isEqualTo(403);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("forbidden");
    }
    TestHttp.Reply plain = c.http(Map.of("Origin", origin, "X-CSRF-Token", c.csrf))
        .send("POST", "/console/api/connections", "text/plain", "{\"app\":\"keap\"}");
    assertThat(plain.status()).as("a cross-site form can send text/plain").isEqualTo(403);
    TestHttp.Reply login = new ConsoleClient(origin)
        .http(Map.of("Origin", "https://evil.example"))
        .send(
            "POST",
            "/console/api/session",
            "application/json",
            "{\"api_key\":" + ConsoleClient.quote(alice.key().secret()) + "}");
    assertThat(login.status()).as("no sign-in from another site's page").isEqualTo(403);
    assertThat(
            FIX.as(alice.key().secret()).get("/connections/" + aliceConnection).status())
        .isEqualTo(200);
    assertThat(FIX.as(alice.key().secret()).get("/connections").json().path("connections"))
        .hasSize(1);
    assertThat(FIX.anonymous().get("/metrics").body())
        .contains("gateway_console_refusals_total{reason=\"csrf\"}");
  }

  @Test
  void oneAccountNeverReachesAnothersConnectionsOrTraffic() {
    // traffic of alice's, with a recognisable query value
    TestHttp.Reply call = FIX.as(alice.key().secret())
        .get("/keap/crm/rest/v2/contacts?page_size=1&email=private@example.com");
    assertThat(call.status()).isEqualTo(200);
    String requestId = call.header("X-Request-Id");
    ConsoleClient b = signedIn(bob);
    String listed = b.get("/console/api/connections").body();
    assertThat(listed).doesNotContain(aliceConnection);
    String path = "/console/api/connections/" + aliceConnection;
    assertThat(b.change("DELETE", path, null).status()).isEqualTo(404);
    assertThat(b.change("POST", path + "/reconnect", null).status()).isEqualTo(404);
    String traffic = b.get("/console/api/traffic").body();
    assertThat(traffic).doesNotContain(aliceConnection).doesNotContain(requestId);
    assertThat(
            FIX.as(alice.key().secret()).get("/connections/" + aliceConnection).status())
        .isEqualTo(200);

    // alice sees her own, with the query's names only
    ConsoleClient a = signedIn(alice);
    var t = a.json("/console/api/traffic");
    assertThat(t.toString())
        .contains(requestId)
        .contains(aliceConnection)
        .doesNotContain("private@example.com");
    var recent =
        t.path("recent").findValues("request_id").stream().map(n -> n.asText()).toList();
    assertThat(recent).contains(requestId);
    assertThat(t.toString()).contains("page_size=\u2026&email=\u2026");
    assertThat(t.at("/total/requests").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(t.at("/total/latency_ms/p99").isNumber()).isTrue();
    assertThat(t.at("/keap_quota/minute_limit").asLong())
        .as("from Keap's x-keap-* headers")
        .isPositive();
  }

  @Test
  void connectionsShowTokenHealthAndTheApiAddsItBesideMatonsFields() {
    ConsoleClient c = signedIn(alice);
    var listed = c.json("/console/api/connections").path("connections").get(0);
    assertThat(listed.path("connection_id").asText()).isEqualTo(aliceConnection);
    assertThat(listed.at("/token_health/access_token_expires_time").asText()).isNotEmpty();
    var api = FIX.as(alice.key().secret())
        .get("/connections/" + aliceConnection)
        .json()
        .path("connection");
    List<String> fields = new java.util.ArrayList<>();
    api.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "connection_id",
            "status",
            "creation_time",
            "last_updated_time",
            "url",
            "app",
            "method",
            "metadata",
            "failure_reason",
            "token_health");
    var health = api.path("token_health");
    assertThat(health.path("refresh_failures").asInt()).isZero();
    assertThat(health.path("backing_off").asBoolean()).isFalse();
    assertThat(health.path("last_refresh_error").isNull()).isTrue();
    java.time.Instant expires =
        java.time.Instant.parse(health.path("access_token_expires_time").asText());
    java.time.Instant next =
        java.time.Instant.parse(health.path("next_refresh_time").asText());
    assertThat(next)
        .isBefore(expires)
        .isAfter(java.time.Instant.parse(health.path("last_refresh_time").asText()));
  }

  @Test
  void aRevokedGrantShowsFailedWithTheLastRefreshError() {
    AccountService.NewAccount carol = FIX.newAccount("carol");
    String id = ConnectFlow.connect(FIX, carol.key().secret(), Sandbox.tenantId(2));
    FIX.sandboxControl().post("/_sandbox/tenants/" + Sandbox.tenantId(2) + "/tokens:revoke", "{}");
    assertThat(FIX.as(carol.key().secret()).get("/keap/crm/rest/v2/contacts").status())
        .isEqualTo(424);
    var health = FIX.as(carol.key().secret())
        .get("/connections/" + id)
        .json()
        .at("/connection/token_health");
    assertThat(health.path("last_refresh_error").asText()).contains("no longer accepts");
    assertThat(health.path("last_refresh_error_time").asText()).isNotEmpty();
    var listed =
        signedIn(carol).json("/console/api/connections").path("connections").get(0);
    assertThat(listed.path("status").asText()).isEqualTo("FAILED");
    assertThat(listed.path("url").asText())
        .as("a FAILED one carries its reconnect link")
        .contains("/connect?session_token=");
  }

  @Test
  void theOperatorCreatesAndRevokesAKey() {
    ConsoleClient op = client();
    assertThat(op.operatorSignIn(GatewayFixture.ADMIN_TOKEN).status()).isEqualTo(200);
    var overview = op.json("/console/api/admin/overview");
    assertThat(overview.path("accounts").findValuesAsText("name")).contains("alice", "bob");
    assertThat(overview.at("/gateway/store/kind").asText()).isEqualTo("embedded");
    assertThat(overview.toString()).doesNotContain(alice.key().secret());
    TestHttp.Reply made =
        op.change("POST", "/console/api/admin/accounts/" + bob.account().id() + "/keys", "{}");
    assertThat(made.status()).isEqualTo(201);
    String key = made.json().path("api_key").asText();
    assertThat(FIX.as(key).get("/user").json().at("/account/name").asText()).isEqualTo("bob");
    assertThat(op.change(
                "DELETE",
                "/console/api/admin/keys/" + made.json().path("key_id").asText(),
                null,
                Map.of("Origin", FIX.gateway().baseUrl()))
            .status())
        .as("no CSRF token")
        .isEqualTo(403);
    assertThat(FIX.as(key).get("/user").status()).isEqualTo(200);
    assertThat(op.change(
                "DELETE",
                "/console/api/admin/keys/" + made.json().path("key_id").asText(),
                null)
            .status())
        .isEqualTo(200);
    assertThat(FIX.as(key).get("/user").status()).isEqualTo(401);

    TestHttp.Reply account =
        op.change("POST", "/console/api/admin/accounts", "{\"name\":\"dave\"}");
    assertThat(account.status()).isEqualTo(201);
    String daveKey = account.json().path("api_key").asText();
    assertThat(FIX.as(daveKey).get("/user").json().at("/account/name").asText()).isEqualTo("dave");
    String dave = account.json().path("account_id").asText();
    assertThat(op.change(
                "PATCH", "/console/api/admin/accounts/" + dave, "{\"rate_limit_per_second\":3}")
            .status())
        .isEqualTo(200);
    assertThat(FIX.admin()
            .get("/admin/accounts/" + dave)
            .json()
            .at("/account/rate_limit_per_second")
            .asInt())
        .isEqualTo(3);
    assertThat(op.change(
                "PATCH",
                "/console/api/admin/accounts/" + dave,
                "{\"rate_limit_per_second\":\"fast\"}")
            .status())
        .isEqualTo(400);
  }
}
