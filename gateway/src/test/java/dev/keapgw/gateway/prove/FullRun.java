package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A full run of the gateway, every step through its HTTP interface, on one injected clock:
 * what {@link SecretsEndToEndTest} searches for secrets. Every answer of the gateway goes to
 * {@link Keep}; every secret the run learns (keys, session tokens, states, codes) to the ledger.
 */
final class FullRun {
  /** Receives each answer of the gateway; {@code shownKey} is the API key the answer exists to show. */
  interface Keep {
    TestHttp.Reply keep(String label, TestHttp.Reply reply, String shownKey);
  }

  /** What the run made: its account and its (ACTIVE at the end) connection. */
  record Result(String accountId, String connectionId) {}

  static final String CONTACTS = "/keap/crm/rest/v2/contacts";
  private final GatewayFixture fix;
  private final MutableClock clock;
  private final SecretLedger ledger;
  private final Keep out;
  private String key;

  FullRun(GatewayFixture fix, MutableClock clock, SecretLedger ledger, Keep out) {
    this.fix = fix;
    this.clock = clock;
    this.ledger = ledger;
    this.out = out;
  }

  Result run() throws Exception {
    // accounts and keys through the admin API
    TestHttp.Reply account = fix.admin().post("/admin/accounts", Map.of("name", "Secrets Inc"));
    key = account.json().path("api_key").asText();
    ledger.add("api key", key);
    out.keep("create account", account, key);
    String accountId = account.json().at("/account/id").asText();
    TestHttp.Reply second =
        fix.admin().post("/admin/accounts/" + accountId + "/keys", Map.of("name", "ci"));
    String key2 = second.json().path("api_key").asText();
    ledger.add("api key", key2);
    out.keep("create key", second, key2);
    String keyId2 = second.json().at("/key/id").asText();
    keep("list keys", fix.admin().get("/admin/accounts/" + accountId + "/keys"));

    // the connect flow
    JsonNode created = keep(
            "create connection", fix.as(key).post("/connections", Map.of("app", "keap")))
        .json()
        .path("connection");
    String id = created.path("connection_id").asText();
    connect(created.path("url").asText());
    assertThat(status(id)).isEqualTo("ACTIVE");

    // data requests, a refresh ahead of expiry (lifetime 60 s, margin 30 s), an upstream 401
    data("list contacts", CONTACTS + "?page_size=2", 200);
    data("userinfo", "/keap/crm/rest/v2/oauth/connect/userinfo", 200);
    keep(
        "create contact",
        fix.as(key).post(CONTACTS, Map.of("given_name", "Ada", "family_name", "Secret")));
    clock.advance(Duration.ofSeconds(35));
    data("after the refresh margin", CONTACTS + "?page_size=1", 200);
    fault(Map.of(
        "path_prefix", "/crm/rest/v2/contacts", "kind", "status", "status", 401, "count", 1));
    data("upstream 401, refreshed and retried", CONTACTS + "?page_size=1", 200);

    // the token endpoint fails: 424 with a backoff, then recovery by itself
    clock.advance(Duration.ofSeconds(61));
    fault(Map.of("path_prefix", "/token", "kind", "status", "status", 503, "count", 1));
    TestHttp.Reply backingOff = data("token endpoint down", CONTACTS, 424);
    clock.advance(Duration.ofSeconds(Long.parseLong(backingOff.header("Retry-After")) + 1));
    data("recovered", CONTACTS + "?page_size=1", 200);

    // the keep-alive sweep a day later
    clock.advance(Duration.ofHours(24));
    assertThat(fix.gateway()
            .sweeper()
            .sweep()
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS))
        .isGreaterThanOrEqualTo(1);
    data("after the sweep", CONTACTS + "?page_size=1", 200);

    errors(accountId);

    // a dead grant, then a reconnect through the url the 424 names
    fix.sandboxControl().post("/_sandbox/tenants/" + Sandbox.tenantId(1) + "/tokens:revoke", "{}");
    TestHttp.Reply dead = data("dead grant", CONTACTS, 424);
    String reconnect = dead.json().at("/error/url").asText();
    connect(reconnect);
    assertThat(status(id)).isEqualTo("ACTIVE");
    data("after the reconnect", CONTACTS + "?page_size=1", 200);

    // a revoked key, the connection as its owner sees it, the operations endpoints
    keep("revoke key", fix.admin().delete("/admin/keys/" + keyId2));
    assertThat(keep("revoked key", fix.as(key2).get(CONTACTS)).status()).isEqualTo(401);
    keep("list connections", fix.as(key).get("/connections"));
    keep("get connection", fix.as(key).get("/connections/" + id));
    keep("user", fix.as(key).get("/user"));
    keep("metrics", fix.anonymous().get("/metrics"));
    keep("healthz", fix.anonymous().get("/healthz"));
    keep("readyz", fix.anonymous().get("/readyz"));
    keep("admin accounts", fix.admin().get("/admin/accounts"));
    return new Result(accountId, id);
  }

  /** The error table's rows, each from a real request. */
  private void errors(String accountId) {
    assertThat(keep("no key", fix.anonymous().get(CONTACTS)).status()).isEqualTo(401);
    assertThat(keep("unknown key", fix.as("kgw_unknown-key-000000000000").get(CONTACTS))
            .status())
        .isEqualTo(401);
    assertThat(keep("wrong admin token", fix.as(key).get("/admin/accounts")).status())
        .isEqualTo(401);
    assertThat(keep(
                "unknown connection",
                fix.as(key).get("/connections/00000000-0000-4000-8000-000000000000"))
            .status())
        .isEqualTo(404);
    assertThat(keep("bad json", fix.as(key).post("/connections", "{\"app\":")).status())
        .isEqualTo(400);
    assertThat(keep("unknown app", fix.as(key).get("/hubspot/crm/v3/objects")).status())
        .isEqualTo(400);
    assertThat(
            keep("dot segments", fix.as(key).get("/keap/crm/rest/v2/%2e%2e/x")).status())
        .isEqualTo(400);
    JsonNode pending = keep(
            "create pending", fix.as(key).post("/connections", Map.of("app", "keap")))
        .json()
        .path("connection");
    sessionOf(pending.path("url").asText());
    TestHttp.Reply notReady = keep(
        "pending connection",
        new TestHttp(
                fix.gateway().baseUrl(),
                Map.of(
                    "Authorization",
                    "Bearer " + key,
                    "Maton-Connection",
                    pending.path("connection_id").asText()))
            .get(CONTACTS));
    assertThat(notReady.status()).isEqualTo(424);
    sessionOf(notReady.json().at("/error/url").asText());
    keep(
        "delete pending",
        fix.as(key).delete("/connections/" + pending.path("connection_id").asText()));
    keep(
        "limit 1/s",
        fix.admin().patch("/admin/accounts/" + accountId, Map.of("rate_limit_per_second", 1)));
    TestHttp.Reply last = null;
    for (int i = 0; i < 60 && (last == null || last.status() != 429); i++) {
      last = keep("burst", fix.as(key).get(CONTACTS + "?page_size=1"));
    }
    assertThat(last.status()).isEqualTo(429);
    keep(
        "limit default",
        fix.admin()
            .patch(
                "/admin/accounts/" + accountId,
                java.util.Collections.singletonMap("rate_limit_per_second", null)));
    clock.advance(Duration.ofSeconds(2)); // the bucket refills
  }

  /** Follows a connect url to the end, keeping the gateway's answers and the flow's secrets. */
  private void connect(String url) {
    sessionOf(url);
    ConnectFlow.Steps steps = ConnectFlow.open(url);
    keep("connect link", steps.connect());
    ledger.add("oauth state", query(steps.connect().header("Location"), "state"));
    ledger.add("oauth code", query(steps.authorize().header("Location"), "code"));
    assertThat(keep("callback", steps.callback()).status()).isEqualTo(200);
  }

  private void sessionOf(String url) {
    ledger.add("session token", query(url, "session_token"));
  }

  private TestHttp.Reply data(String label, String path, int expected) {
    TestHttp.Reply r = keep(label, fix.as(key).get(path));
    assertThat(r.status()).as(label + ": " + r.body()).isEqualTo(expected);
    return r;
  }

  private String status(String id) {
    return keep("get connection", fix.as(key).get("/connections/" + id))
        .json()
        .at("/connection/status")
        .asText();
  }

  private void fault(Map<String, Object> rule) {
    assertThat(fix.sandboxControl().post("/_sandbox/faults", rule).status()).isEqualTo(201);
  }

  private TestHttp.Reply keep(String label, TestHttp.Reply r) {
    return out.keep(label, r, null);
  }

  static String query(String url, String name) {
    for (String p : URI.create(url).getRawQuery().split("&")) {
      if (p.startsWith(name + "=")) {
        return URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
