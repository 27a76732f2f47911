package dev.keapgw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every row of the gateway's error table (DESIGN.md, README), each produced by a real request
 * and checked for its status, its stable type, and the envelope's fields. The 502 and 504 rows
 * are in {@code proxy.DeadUpstreamTest} and {@code proxy.UpstreamFaultsTest}.
 */
class ErrorTableTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  static final String CONTACTS = "/keap/crm/rest/v2/contacts";

  @AfterEach
  void clearFaults() {
    FIX.sandboxControl().delete("/_sandbox/faults");
  }

  @Test
  void row400NoActiveConnection() {
    AccountService.NewAccount a = FIX.newAccount("no-connection");
    assertError(FIX.as(a.key().secret()).get(CONTACTS), 400, "no_active_connection");
  }

  @Test
  void row400UnknownOrReservedAppName() {
    AccountService.NewAccount a = FIX.newAccount("apps");
    assertError(FIX.as(a.key().secret()).get("/hubspot/crm/v3/objects"), 400, "unknown_app");
    assertError(
        FIX.as(a.key().secret()).post("/connections", Map.of("app", "admin")), 400, "unknown_app");
  }

  @Test
  void row400MalformedRequest() {
    AccountService.NewAccount a = FIX.newAccount("malformed");
    assertError(
        FIX.as(a.key().secret()).post("/connections", "{\"app\": "), 400, "invalid_request");
    assertError(
        FIX.as(a.key().secret()).get("/keap/crm/rest/v2/%2e%2e/admin"), 400, "invalid_request");
  }

  @Test
  void row401MissingMalformedUnknownOrRevokedKey() {
    AccountService.NewAccount a = FIX.newAccount("keys");
    assertError(FIX.anonymous().get(CONTACTS), 401, "unauthorized");
    assertError(
        new TestHttp(FIX.gateway().baseUrl(), Map.of("Authorization", "Basic abc")).get("/user"),
        401,
        "unauthorized");
    assertError(FIX.as("kgw_unknown").get("/connections"), 401, "unauthorized");
    FIX.gateway().services().accounts().revokeKey(a.key().key().id());
    TestHttp.Reply revoked = FIX.as(a.key().secret()).get("/user");
    assertError(revoked, 401, "unauthorized");
    assertThat(revoked.body()).doesNotContain(a.key().secret());
  }

  @Test
  void row404UnknownConnectionInPathOrHeaderAndAnotherAccounts() {
    AccountService.NewAccount a = FIX.newAccount("owner");
    AccountService.NewAccount b = FIX.newAccount("other");
    String theirs =
        ConnectFlow.create(FIX, a.key().secret()).get("connection_id").asText();
    String unknown = "00000000-0000-4000-8000-000000000000";
    assertError(FIX.as(b.key().secret()).get("/connections/" + unknown), 404, "not_found");
    assertError(FIX.as(b.key().secret()).get("/connections/" + theirs), 404, "not_found");
    assertError(withConnection(b, theirs).get(CONTACTS), 404, "not_found");
    assertError(withConnection(b, unknown).get(CONTACTS), 404, "not_found");
  }

  @Test
  void row424PendingConnectionNamesItsUrl() {
    AccountService.NewAccount a = FIX.newAccount("pending");
    String id = ConnectFlow.create(FIX, a.key().secret()).get("connection_id").asText();
    JsonNode e = assertError(withConnection(a, id).get(CONTACTS), 424, "connection_not_ready");
    assertThat(e.get("connection_status").asText()).isEqualTo("PENDING");
    assertThat(e.get("url").asText()).contains("/connect?session_token=");
  }

  @Test
  void row424RefreshBackingOffAfterATokenEndpointFailure() {
    AccountService.NewAccount a = FIX.newAccount("backoff");
    String id = ConnectFlow.connect(FIX, a.key().secret());
    // the upstream refuses the token once, and the token endpoint fails the forced refresh
    fault(Map.of(
        "path_prefix", "/crm/rest/v2/contacts", "kind", "status", "status", 401, "count", 1));
    fault(Map.of("path_prefix", "/token", "kind", "status", "status", 503, "count", 1));
    TestHttp.Reply r = withConnection(a, id).get(CONTACTS);
    JsonNode e = assertError(r, 424, "connection_not_ready");
    assertThat(e.get("connection_status").asText()).isEqualTo("ACTIVE");
    assertThat(r.header("Retry-After")).isNotNull();
  }

  @Test
  void row424DeadGrantMakesTheConnectionFailedAndNamesItsUrl() {
    AccountService.NewAccount a = FIX.newAccount("dead-grant");
    FIX.sandboxControl()
        .send(
            "PUT",
            "/_sandbox/oauth/approval",
            "application/json",
            "{\"tenant_id\":\"" + Sandbox.tenantId(2) + "\"}");
    String id;
    try {
      id = ConnectFlow.connect(FIX, a.key().secret());
    } finally {
      FIX.sandboxControl().delete("/_sandbox/oauth/approval");
    }
    FIX.sandboxControl().post("/_sandbox/tenants/" + Sandbox.tenantId(2) + "/tokens:revoke", "{}");
    JsonNode e = assertError(withConnection(a, id).get(CONTACTS), 424, "connection_not_ready");
    assertThat(e.get("connection_status").asText()).isEqualTo("FAILED");
    assertThat(e.get("url").asText()).contains("/connect?session_token=");
  }

  @Test
  void row429AccountRateLimitWithRetryAfterAndRateLimitHeaders() {
    AccountService.NewAccount a = FIX.newAccount("limited");
    TestHttp.Reply set = FIX.admin()
        .patch("/admin/accounts/" + a.account().id(), Map.of("rate_limit_per_second", 1));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    TestHttp.Reply last = null;
    for (int i = 0; i < 60 && (last == null || last.status() != 429); i++) {
      last = FIX.as(a.key().secret()).get(CONTACTS);
    }
    assertError(last, 429, "rate_limited");
    assertThat(last.header("Retry-After")).isNotNull();
    assertThat(last.header("X-RateLimit-Limit"))
        .isEqualTo("21"); // 1 per second, plus the default burst of 20
    assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(last.header("X-RateLimit-Reset")).isNotNull();
  }

  private static TestHttp withConnection(AccountService.NewAccount a, String connection) {
    return new TestHttp(
        FIX.gateway().baseUrl(),
        Map.of("Authorization", "Bearer " + a.key().secret(), "Maton-Connection", connection));
  }

  private static void fault(Map<String, Object> rule) {
    TestHttp.Reply r = FIX.sandboxControl().post("/_sandbox/faults", rule);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** Asserts the gateway's envelope with this status and type; returns the error object. */
  static JsonNode assertError(TestHttp.Reply r, int status, String type) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode e = r.json().path("error");
    assertThat(e.path("status").asInt()).isEqualTo(status);
    assertThat(e.path("type").asText()).isEqualTo(type);
    assertThat(e.path("message").asText()).isNotBlank();
    assertThat(e.path("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
    return e;
  }
}
