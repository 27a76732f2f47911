package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Account A against account B's connections, in every state B's can be in (ACTIVE, PENDING,
 * FAILED, deleted): list, get, delete, use through {@code Maton-Connection} (read and write),
 * and detect. Each of A's attempts must answer exactly as the same attempt with an id that
 * never existed: same status, same headers, same body once the asked id and the request id
 * are blanked out. Nothing timing-based: only what comes back. Afterwards B's connections are
 * as they were and B's ACTIVE one still serves B.
 */
class TenantIsolationTest {
  // Rate limits out of the way: the matrix sends many requests per account in a moment, and a
  // 429 in place of a 404 would say nothing about isolation.
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s,
      g -> g.withLimits(new dev.keapgw.gateway.config.GatewayConfig.Limits(100_000, 100_000, 0)));

  static final String CONTACTS = "/keap/crm/rest/v2/contacts";
  /** Headers whose values differ between any two requests, whoever asks. */
  static final List<String> VOLATILE =
      List.of("x-request-id", "x-ratelimit-remaining", "x-ratelimit-reset", "date");

  static String keyA;
  static String keyB;
  static String ownA;
  static final Map<String, String> B = new LinkedHashMap<>();

  @BeforeAll
  static void accounts() {
    keyA = FIX.newAccount("A").key().secret();
    keyB = FIX.newAccount("B").key().secret();
    ownA = ConnectFlow.connect(FIX, keyA, Sandbox.tenantId(1));
    B.put("ACTIVE", ConnectFlow.connect(FIX, keyB, Sandbox.tenantId(2)));
    B.put("PENDING", ConnectFlow.create(FIX, keyB).path("connection_id").asText());
    B.put("FAILED", failed(keyB));
    String gone = ConnectFlow.create(FIX, keyB).path("connection_id").asText();
    assertThat(FIX.as(keyB).delete("/connections/" + gone).status()).isEqualTo(200);
    B.put("deleted", gone);
  }

  @Test
  void everyAttemptOnAnotherAccountsConnectionAnswersExactlyAsAnUnknownId() {
    Map<String, JsonNode> before = snapshotOfB();
    Map<String, BiFunction<TestHttp, String, TestHttp.Reply>> attempts = new LinkedHashMap<>();
    attempts.put("GET /connections/{id}", (a, id) -> a.get("/connections/" + id));
    attempts.put("DELETE /connections/{id}", (a, id) -> a.delete("/connections/" + id));
    attempts.put(
        "GET data with Maton-Connection",
        (a, id) -> withConnection(id).get(CONTACTS + "?page_size=1"));
    attempts.put(
        "POST data with Maton-Connection",
        (a, id) -> withConnection(id).post(CONTACTS, Map.of("given_name", "Mallory")));
    attempts.put(
        "DELETE data with Maton-Connection", (a, id) -> withConnection(id).delete(CONTACTS + "/1"));
    attempts.put(
        "GET data with Maton-Connection in upper case",
        (a, id) -> withConnection(id.toUpperCase(Locale.ROOT)).get(CONTACTS));
    List<String> checked = new ArrayList<>();
    for (var attempt : attempts.entrySet()) {
      for (var target : B.entrySet()) {
        String unknown = UUID.randomUUID().toString();
        TestHttp.Reply theirs = attempt.getValue().apply(FIX.as(keyA), target.getValue());
        TestHttp.Reply none = attempt.getValue().apply(FIX.as(keyA), unknown);
        String what = attempt.getKey() + " on B's " + target.getKey() + " connection";
        assertThat(theirs.status()).as(what).isEqualTo(none.status()).isEqualTo(404);
        assertThat(normalized(theirs, target.getValue()))
            .as(what)
            .isEqualTo(normalized(none, unknown));
        assertThat(headers(theirs)).as(what).isEqualTo(headers(none));
        checked.add(what);
      }
    }
    assertThat(checked).hasSize(attempts.size() * B.size());
    // none of it changed or revealed anything of B's
    assertThat(snapshotOfB()).isEqualTo(before);
    assertThat(FIX.as(keyB).get(CONTACTS + "?page_size=1").status()).isEqualTo(200);
  }

  @Test
  void listingsShowOnlyTheCallersOwnConnectionsWhateverTheFilter() {
    for (String filter : new String[] {
      "",
      "?app=keap",
      "?status=ACTIVE",
      "?status=PENDING",
      "?status=FAILED",
      "?app=keap&status=active"
    }) {
      JsonNode list = FIX.as(keyA).get("/connections" + filter).json().path("connections");
      for (JsonNode c : list) {
        assertThat(B.values()).as(filter).doesNotContain(c.path("connection_id").asText());
      }
      assertThat(list.toString()).as(filter).doesNotContain(B.values().toArray(String[]::new));
    }
    // A's data requests without Maton-Connection use A's own connection, never B's
    JsonNode me = FIX.as(keyA).get("/keap/crm/rest/v2/oauth/connect/userinfo").json();
    assertThat(me.path("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
  }

  @Test
  void aConnectLinkOrStateOfOneAccountNeverTouchesAnotherAccountsConnection() {
    Map<String, JsonNode> before = snapshotOfB();
    Connection bActive = row(B.get("ACTIVE"));
    // A completes a flow of its own: the grant lands on A's connection
    JsonNode created = ConnectFlow.create(FIX, keyA);
    String idA = created.path("connection_id").asText();
    ConnectFlow.Steps done = ConnectFlow.open(created.path("url").asText());
    assertThat(done.callback().status()).isEqualTo(200);
    assertThat(FIX.as(keyA)
            .get("/connections/" + idA)
            .json()
            .at("/connection/status")
            .asText())
        .isEqualTo("ACTIVE");
    // the used link and the used callback (code and state) do nothing a second time
    assertThat(ConnectFlow.get(created.path("url").asText()).status()).isEqualTo(410);
    assertThat(ConnectFlow.get(done.authorize().header("Location")).status()).isEqualTo(400);
    // a flow whose connection A deleted meanwhile attaches its grant to nothing
    JsonNode other = ConnectFlow.create(FIX, keyA);
    TestHttp.Reply toAuthorize = ConnectFlow.get(other.path("url").asText());
    assertThat(toAuthorize.status()).isEqualTo(302);
    assertThat(FIX.as(keyA)
            .delete("/connections/" + other.path("connection_id").asText())
            .status())
        .isEqualTo(200);
    TestHttp.Reply back = ConnectFlow.get(toAuthorize.header("Location"));
    // its state went with it (400: unusable), or the state outlived it (410: gone); either way
    // nothing is saved
    assertThat(ConnectFlow.get(back.header("Location")).status()).isIn(400, 410);
    // a state A makes up is refused before anything is looked up
    String code = query(back.header("Location"), "code");
    assertThat(ConnectFlow.get(
                FIX.gateway().baseUrl() + "/oauth/callback?code=" + code + "&state=forged.sig")
            .status())
        .isEqualTo(400);
    // B's connections, tokens included, are exactly as they were
    assertThat(snapshotOfB()).isEqualTo(before);
    Connection after = row(B.get("ACTIVE"));
    assertThat(after.tokenVersion()).isEqualTo(bActive.tokenVersion());
    assertThat(after.accessTokenSealed()).isEqualTo(bActive.accessTokenSealed());
    assertThat(after.refreshTokenSealed()).isEqualTo(bActive.refreshTokenSealed());
    assertThat(row(B.get("PENDING")).status()).isEqualTo(ConnectionStatus.PENDING);
  }

  @Test
  void aRevokedKeyOrADeletedAccountStopsWorkingAtOnce() {
    AccountService.NewAccount c = FIX.newAccount("C");
    ConnectFlow.connect(FIX, c.key().secret());
    TestHttp.Reply second =
        FIX.admin().post("/admin/accounts/" + c.account().id() + "/keys", Map.of("name", "second"));
    assertThat(second.status()).isEqualTo(201);
    String secondKey = second.json().path("api_key").asText();
    for (String key : List.of(c.key().secret(), secondKey)) {
      warm(key); // every cache on the way now holds the key
    }
    assertThat(FIX.admin().delete("/admin/keys/" + c.key().key().id()).status()).isEqualTo(200);
    assertRefused(c.key().secret());
    warm(secondKey); // the account's other key is untouched
    assertThat(FIX.admin().delete("/admin/accounts/" + c.account().id()).status())
        .isEqualTo(200);
    assertRefused(secondKey);
  }

  private static void warm(String key) {
    for (int i = 0; i < 3; i++) {
      assertThat(FIX.as(key).get(CONTACTS + "?page_size=1").status()).isEqualTo(200);
      assertThat(FIX.as(key).get("/connections").status()).isEqualTo(200);
      assertThat(FIX.as(key).get("/user").status()).isEqualTo(200);
    }
  }

  /** The very next request of each kind is refused: no second of grace on this instance. */
  private static void assertRefused(String key) {
    assertThat(FIX.as(key).get(CONTACTS + "?page_size=1").status()).isEqualTo(401);
    assertThat(FIX.as(key).post(CONTACTS, Map.of("given_name", "Late")).status())
        .isEqualTo(401);
    assertThat(FIX.as(key).get("/connections").status()).isEqualTo(401);
    assertThat(FIX.as(key).post("/connections", Map.of("app", "keap")).status()).isEqualTo(401);
    assertThat(FIX.as(key).get("/user").status()).isEqualTo(401);
  }

  private static Connection row(String id) {
    return FIX.gateway().services().connectionRepo().byId(id).orElseThrow();
  }

  private static String query(String url, String name) {
    for (String p : java.net.URI.create(url).getRawQuery().split("&")) {
      if (p.startsWith(name + "=")) {
        return p.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }

  /** B's connections as B sees them (volatile parts removed: the url holds a fresh link). */
  private static Map<String, JsonNode> snapshotOfB() {
    Map<String, JsonNode> out = new TreeMap<>();
    for (var e : B.entrySet()) {
      TestHttp.Reply r = FIX.as(keyB).get("/connections/" + e.getValue());
      if (e.getKey().equals("deleted")) {
        assertThat(r.status()).isEqualTo(404);
        continue;
      }
      ObjectNode c = (ObjectNode) r.json().path("connection").deepCopy();
      c.remove("url");
      out.put(e.getKey(), c);
    }
    return out;
  }

  static TestHttp withConnection(String id) {
    return new TestHttp(
        FIX.gateway().baseUrl(), Map.of("Authorization", "Bearer " + keyA, "Maton-Connection", id));
  }

  /** The body with the asked id (in any case) and the request id blanked out. */
  static String normalized(TestHttp.Reply r, String id) {
    String body = r.body().replace(id, "<id>").replace(id.toUpperCase(Locale.ROOT), "<id>");
    return body.replaceAll("\"request_id\":\"[^\"]*\"", "\"request_id\":\"<rid>\"");
  }

  /** Header names and values, the volatile ones by name only. */
  static Map<String, List<String>> headers(TestHttp.Reply r) {
    Map<String, List<String>> out = new TreeMap<>();
    r.headers()
        .map()
        .forEach((k, v) -> out.put(
            k.toLowerCase(Locale.ROOT),
            VOLATILE.contains(k.toLowerCase(Locale.ROOT)) ? List.of("<volatile>") : v));
    return out;
  }

  private static String failed(String key) {
    FIX.sandboxControl()
        .send("PUT", "/_sandbox/oauth/approval", "application/json", "{\"deny\":true}");
    try {
      JsonNode c = ConnectFlow.create(FIX, key);
      assertThat(ConnectFlow.open(c.path("url").asText()).callback().status()).isEqualTo(200);
      String id = c.path("connection_id").asText();
      assertThat(FIX.as(key)
              .get("/connections/" + id)
              .json()
              .at("/connection/status")
              .asText())
          .isEqualTo("FAILED");
      return id;
    } finally {
      FIX.sandboxControl().delete("/_sandbox/oauth/approval");
    }
  }
}
