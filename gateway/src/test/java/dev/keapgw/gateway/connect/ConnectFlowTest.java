package dev.keapgw.gateway.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.connection.ConnectionShape;
import dev.keapgw.gateway.connection.OneTimeTokens;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectFlowTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @Test
  void theBrowserFlowActivatesTheConnectionWithMetadataAndSealedTokens() {
    String key = FIX.newAccount("Flow").key().secret();
    JsonNode created = ConnectFlow.create(FIX, key);
    String id = created.path("connection_id").asText();
    ConnectFlow.Steps steps = ConnectFlow.open(created.path("url").asText());

    assertThat(steps.connect().status()).as(steps.connect().body()).isEqualTo(302);
    String location = steps.connect().header("Location");
    assertThat(location).startsWith(FIX.sandbox().baseUrl() + "/app/oauth/authorize?");
    Map<String, String> q = query(location);
    assertThat(q)
        .containsEntry("client_id", "gw-test-client")
        .containsEntry("response_type", "code")
        .containsEntry("scope", "full")
        .containsEntry("redirect_uri", FIX.gateway().baseUrl() + "/oauth/callback");
    assertThat(q.get("state")).hasSizeGreaterThan(43);
    assertThat(steps.connect().header("Cache-Control")).isEqualTo("no-store");
    assertThat(steps.authorize().status()).isEqualTo(302);
    assertThat(steps.authorize().header("Location"))
        .startsWith(FIX.gateway().baseUrl() + "/oauth/callback?");
    assertThat(steps.callback().status()).isEqualTo(200);
    assertThat(steps.callback().header("Content-Type")).startsWith("text/html");
    assertThat(steps.callback().body()).contains("Connected to Keap").contains("close this window");

    JsonNode c = FIX.as(key).get("/connections/" + id).json().path("connection");
    assertThat(c.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(c.path("metadata").path("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
    assertThat(c.path("metadata").path("user_id").asText()).isEqualTo("1");
    assertThat(c.path("metadata").path("email").asText()).contains("@");
    assertThat(c.path("failure_reason").isNull()).isTrue();
    // an ACTIVE connection's url re-authorizes nothing until its owner asks for a reconnect
    assertThat(c.path("url").asText())
        .isEqualTo(FIX.gateway().baseUrl() + "/connect?connection_id=" + id);

    Map<String, Object> row = row(id);
    String access = (String) row.get("access_token_enc");
    String refresh = (String) row.get("refresh_token_enc");
    String prefix = "v1." + FIX.gateway().services().config().keys().primaryId() + ".";
    assertThat(access).startsWith(prefix);
    assertThat(refresh).startsWith(prefix);
    var box = FIX.gateway().services().secrets();
    String plainAccess = box.open(access, "connection:" + id + ":access");
    String plainRefresh = box.open(refresh, "connection:" + id + ":refresh");
    assertThat(row.toString()).doesNotContain(plainAccess).doesNotContain(plainRefresh);
    for (String page : new String[] {steps.callback().body(), steps.connect().body()}) {
      assertThat(page).doesNotContain(plainAccess).doesNotContain(plainRefresh);
    }
    // the sealed value is the token the sandbox issued: the sandbox accepts it
    TestHttp.Reply who = TestHttp.bearer(FIX.sandbox().baseUrl() + "/crm/rest/v2", plainAccess)
        .get("/oauth/connect/userinfo");
    assertThat(who.status()).as(who.body()).isEqualTo(200);
    assertThat(who.json().path("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
  }

  @Test
  void theSessionWorksOnceAndTheConnectionThenShowsAFreshLink() {
    String key = FIX.newAccount("Once").key().secret();
    JsonNode created = ConnectFlow.create(FIX, key);
    String id = created.path("connection_id").asText();
    String url = created.path("url").asText();
    String token = url.substring(url.indexOf("session_token=") + 14);

    Map<String, Object> before = row(id);
    assertThat(before.get("session_hash")).isEqualTo(OneTimeTokens.hash(token));
    assertThat((String) before.get("session_token_enc")).startsWith("v1.");
    assertThat(before.toString()).doesNotContain(token);
    assertThat(FIX.gateway()
            .services()
            .secrets()
            .open((String) before.get("session_token_enc"), ConnectionService.sessionAd(id)))
        .isEqualTo(token);

    assertThat(ConnectFlow.get(url).status()).isEqualTo(302);
    TestHttp.Reply again = ConnectFlow.get(url);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.header("Content-Type")).startsWith("text/html");
    assertThat(again.body())
        .contains("expired or was already used")
        .contains("GET /connections/{id}");

    JsonNode now = FIX.as(key).get("/connections/" + id).json().path("connection");
    assertThat(now.path("status").asText()).isEqualTo("PENDING");
    String fresh = now.path("url").asText();
    assertThat(fresh).isNotEqualTo(url);
    assertThat(
            FIX.as(key).get("/connections/" + id).json().at("/connection/url").asText())
        .isEqualTo(fresh);
    ConnectFlow.Steps steps = ConnectFlow.open(fresh);
    assertThat(steps.callback().status()).as(steps.toString()).isEqualTo(200);
    assertThat(FIX.as(key)
            .get("/connections/" + id)
            .json()
            .at("/connection/status")
            .asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void denyMarksFailedWithAReasonAndTheLinkReconnects() {
    String key = FIX.newAccount("Denier").key().secret();
    JsonNode created = ConnectFlow.create(FIX, key);
    String id = created.path("connection_id").asText();
    TestHttp.Reply set = FIX.sandboxControl()
        .send("PUT", "/_sandbox/oauth/approval", "application/json", "{\"deny\":true}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    ConnectFlow.Steps denied;
    try {
      denied = ConnectFlow.open(created.path("url").asText());
    } finally {
      assertThat(FIX.sandboxControl().delete("/_sandbox/oauth/approval").status())
          .isEqualTo(204);
    }
    assertThat(denied.authorize().header("Location")).contains("error=access_denied");
    assertThat(denied.callback().status()).isEqualTo(200);
    assertThat(denied.callback().body()).contains("denied access").contains("open the url");

    JsonNode failed = FIX.as(key).get("/connections/" + id).json().path("connection");
    ConnectionShape.assertShape(failed, "FAILED");
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("failure_reason").asText()).contains("denied access").contains("url");
    assertThat(failed.path("metadata").size()).isZero();
    String retry = failed.path("url").asText();
    assertThat(retry).isNotEqualTo(created.path("url").asText());

    assertThat(ConnectFlow.open(retry).callback().status()).isEqualTo(200);
    JsonNode active = FIX.as(key).get("/connections/" + id).json().path("connection");
    assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.path("failure_reason").isNull()).isTrue();
    assertThat(active.path("metadata").path("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
  }

  @Test
  void aUsedOrForgedStateIsRefusedWithAPage() {
    String key = FIX.newAccount("Replayer").key().secret();
    JsonNode created = ConnectFlow.create(FIX, key);
    ConnectFlow.Steps steps = ConnectFlow.open(created.path("url").asText());
    String callback = steps.authorize().header("Location");
    assertThat(steps.callback().status()).isEqualTo(200);

    TestHttp.Reply replay = ConnectFlow.get(callback);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.header("Content-Type")).startsWith("text/html");
    assertThat(replay.body()).contains("cannot be completed").contains("Nothing was changed");

    String state = query(callback).get("state");
    String base = FIX.gateway().baseUrl() + "/oauth/callback";
    for (String url : new String[] {
      base,
      base + "?code=abc",
      base + "?code=abc&state=forged",
      base + "?code=abc&state=" + state.substring(0, state.indexOf('.')) + ".AAAA",
      base + "?error=access_denied"
    }) {
      TestHttp.Reply r = ConnectFlow.get(url);
      assertThat(r.status()).as(url).isEqualTo(400);
      assertThat(r.body()).doesNotContain("<script");
    }
    assertThat(FIX.as(key)
            .get("/connections/" + created.path("connection_id").asText())
            .json()
            .at("/connection/status")
            .asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void aMissingOrUnknownSessionTokenGetsAPlainPage() {
    TestHttp.Reply missing = ConnectFlow.get(FIX.gateway().baseUrl() + "/connect");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("incomplete");
    TestHttp.Reply unknown =
        ConnectFlow.get(FIX.gateway().baseUrl() + "/connect?session_token=%3Cscript%3E");
    assertThat(unknown.status()).isEqualTo(410);
    assertThat(unknown.body()).doesNotContain("<script>");
  }

  @Test
  void reconnectingAnActiveConnectionKeepsItActive() {
    String key = FIX.newAccount("Reconnector").key().secret();
    String id = ConnectFlow.connect(FIX, key);
    String url = FIX.as(key)
        .post("/connections/" + id + "/reconnect", Map.of())
        .json()
        .at("/connection/url")
        .asText();
    String oldAccess = (String) row(id).get("access_token_enc");
    FIX.sandboxControl()
        .send("PUT", "/_sandbox/oauth/approval", "application/json", "{\"deny\":true}");
    ConnectFlow.Steps denied;
    try {
      denied = ConnectFlow.open(url);
    } finally {
      FIX.sandboxControl().delete("/_sandbox/oauth/approval");
    }
    assertThat(denied.callback().body()).contains("keeps working");
    assertThat(FIX.as(key)
            .get("/connections/" + id)
            .json()
            .at("/connection/status")
            .asText())
        .isEqualTo("ACTIVE");
    assertThat(row(id).get("access_token_enc")).isEqualTo(oldAccess);

    String again = FIX.as(key)
        .post("/connections/" + id + "/reconnect", Map.of())
        .json()
        .at("/connection/url")
        .asText();
    assertThat(ConnectFlow.open(again).callback().status()).isEqualTo(200);
    assertThat(row(id).get("access_token_enc")).isNotEqualTo(oldAccess);
  }

  @Test
  void theMetadataNamesTheTenantThePersonGranted() {
    String key = FIX.newAccount("Two shops").key().secret();
    String first = ConnectFlow.connect(FIX, key);
    String second = ConnectFlow.connect(FIX, key, Sandbox.tenantId(2));
    assertThat(FIX.as(key)
            .get("/connections/" + first)
            .json()
            .at("/connection/metadata/tenant_id")
            .asText())
        .isEqualTo(Sandbox.tenantId(1));
    assertThat(FIX.as(key)
            .get("/connections/" + second)
            .json()
            .at("/connection/metadata/tenant_id")
            .asText())
        .isEqualTo(Sandbox.tenantId(2));
  }

  static Map<String, Object> row(String id) {
    return FIX.gateway()
        .services()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT * FROM connections WHERE id = :id")
            .bind("id", id)
            .mapToMap()
            .one());
  }

  static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
