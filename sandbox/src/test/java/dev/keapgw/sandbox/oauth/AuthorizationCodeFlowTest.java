package dev.keapgw.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthorizationCodeFlowTest {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  static final SandboxFixture FIX =
      new SandboxFixture(SandboxFixture.testConfig().withClock(CLOCK));

  private final OAuthFlow oauth = new OAuthFlow(FIX);

  @Test
  void personPicksATenantAndTheTokenActsForItsAdmin() {
    long grantsBefore = grants("authorization_code");
    TestHttp.Reply page = oauth.authorize("st-42");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body())
        .contains(
            ">Allow<",
            ">Deny<",
            Sandbox.tenantId(1),
            Sandbox.tenantId(2),
            Sandbox.tenantId(2) + ".infusionsoft.com");

    TestHttp.Reply back = oauth.decide(OAuthFlow.formToken(page), "allow", Sandbox.tenantId(2));
    assertThat(back.status()).isEqualTo(302);
    assertThat(back.header("Location")).startsWith(OAuthFlow.REDIRECT + "?");
    Map<String, String> q = OAuthFlow.query(back.header("Location"));
    assertThat(q.get("state")).isEqualTo("st-42");
    assertThat(q.get("code")).isNotBlank();

    TestHttp.Reply token = oauth.exchange(q.get("code"));
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    assertThat(token.header("Cache-Control")).isEqualTo("no-store");
    JsonNode t = token.json();
    assertThat(t.get("token_type").asText()).isEqualTo("bearer");
    assertThat(t.get("expires_in").asLong()).isEqualTo(86_400);
    assertThat(t.get("scope").asText())
        .isEqualTo("full|" + Sandbox.tenantId(2) + ".infusionsoft.com");
    assertThat(t.get("refresh_token").asText())
        .isNotBlank()
        .isNotEqualTo(t.get("access_token").asText());

    TestHttp.Reply me = oauth.crm(t.get("access_token").asText()).get("/oauth/connect/userinfo");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("tenant_id").asText()).isEqualTo(Sandbox.tenantId(2));
    assertThat(me.json().get("sub").asText()).isEqualTo("1");
    assertThat(grants("authorization_code")).isEqualTo(grantsBefore + 1);
  }

  @Test
  void denyAnswersAccessDeniedWithTheState() {
    TestHttp.Reply back =
        oauth.decide(OAuthFlow.formToken(oauth.authorize("keep me")), "deny", null);
    assertThat(back.status()).isEqualTo(302);
    Map<String, String> q = OAuthFlow.query(back.header("Location"));
    assertThat(q)
        .containsEntry("error", "access_denied")
        .containsEntry("state", "keep me")
        .doesNotContainKey("code");
  }

  @Test
  void aCodeWorksOnce() {
    String code = oauth.code(Sandbox.tenantId(1));
    assertThat(oauth.exchange(code).status()).isEqualTo(200);
    TestHttp.Reply again = oauth.exchange(code);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void aCodeIsBoundToItsRedirectUri() {
    String code = oauth.code(Sandbox.tenantId(1));
    TestHttp.Reply r = oauth.exchange(
        code, OAuthFlow.CLIENT, OAuthFlow.SECRET, "http://127.0.0.1:8080/oauth/callback");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void aCodeExpires() {
    String code = oauth.code(Sandbox.tenantId(1));
    CLOCK.advance(Duration.ofMinutes(10));
    TestHttp.Reply r = oauth.exchange(code);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void wrongClientSecretIs401AndLeavesTheCodeUnspent() {
    String code = oauth.code(Sandbox.tenantId(1));
    TestHttp.Reply r = oauth.exchange(code, OAuthFlow.CLIENT, "not-the-secret", OAuthFlow.REDIRECT);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    assertThat(oauth.exchange(code).status()).isEqualTo(200);
  }

  @Test
  void aJsonBodyIsRefusedAsKeapDoes() {
    String code = oauth.code(Sandbox.tenantId(1));
    TestHttp.Reply r = FIX.anonymous()
        .post(
            "/token",
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "client_id",
                OAuthFlow.CLIENT,
                "client_secret",
                OAuthFlow.SECRET,
                "redirect_uri",
                OAuthFlow.REDIRECT));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json())
        .isEqualTo(TestHttp.obj()
            .put("error", "invalid_request")
            .put("error_description", "response_type or grant_type is required"));
  }

  @Test
  void unknownGrantTypeIsUnsupported() {
    TestHttp.Reply r =
        FIX.anonymous().form("/token", "grant_type=password&username=a&password=b", Map.of());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void unknownClientGetsAnErrorPageNotARedirect() {
    TestHttp.Reply r = oauth.authorize("nobody", OAuthFlow.REDIRECT, "code", "full", "s");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Location")).isNull();
    assertThat(r.header("Content-Type")).startsWith("text/html");
  }

  @Test
  void unregisteredRedirectUriGetsAnEscapedErrorPageNotARedirect() {
    TestHttp.Reply r = oauth.authorize(
        OAuthFlow.CLIENT, "http://localhost:8080/<script>alert(1)</script>", "code", "full", "s");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Location")).isNull();
    assertThat(r.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void scopeOtherThanFullIsRedirectedAsInvalidScope() {
    TestHttp.Reply r =
        oauth.authorize(OAuthFlow.CLIENT, OAuthFlow.REDIRECT, "code", "contacts", "s1");
    assertThat(r.status()).isEqualTo(302);
    assertThat(OAuthFlow.query(r.header("Location")))
        .containsEntry("error", "invalid_scope")
        .containsEntry("state", "s1");
  }

  @Test
  void responseTypeOtherThanCodeIsRedirectedAsUnsupported() {
    TestHttp.Reply r = oauth.authorize(OAuthFlow.CLIENT, OAuthFlow.REDIRECT, "token", "full", "s2");
    assertThat(r.status()).isEqualTo(302);
    assertThat(OAuthFlow.query(r.header("Location")))
        .containsEntry("error", "unsupported_response_type")
        .containsEntry("state", "s2");
  }

  @Test
  void aConsentFormAnswersOnceAndForgedOnesNever() {
    String formToken = OAuthFlow.formToken(oauth.authorize("s"));
    assertThat(oauth.decide(formToken, "allow", Sandbox.tenantId(1)).status()).isEqualTo(302);
    TestHttp.Reply replay = oauth.decide(formToken, "allow", Sandbox.tenantId(1));
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.header("Location")).isNull();
    TestHttp.Reply forged = oauth.decide("made-up", "allow", Sandbox.tenantId(1));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.header("Location")).isNull();
  }

  @Test
  void operatorRegisteredClientRunsTheFlowAndOwnsItsCodes() {
    String redirect = "http://127.0.0.1:9999/cb?app=1";
    TestHttp.Reply made =
        FIX.anonymous().post("/_sandbox/clients", Map.of("redirect_uris", List.of(redirect)));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String id = made.json().get("client_id").asText();
    String secret = made.json().get("client_secret").asText();
    assertThat(id).isNotBlank();
    assertThat(secret).isNotBlank();
    assertThat(FIX.anonymous().get("/_sandbox/clients").json().findValuesAsText("client_secret"))
        .contains(secret);

    TestHttp.Reply page = oauth.authorize(id, redirect, "code", "full", "z");
    TestHttp.Reply back = oauth.decide(OAuthFlow.formToken(page), "allow", Sandbox.tenantId(1));
    assertThat(back.header("Location")).startsWith(redirect + "&code=");
    String code = OAuthFlow.query(back.header("Location")).get("code");

    TestHttp.Reply stolen = oauth.exchange(code, OAuthFlow.CLIENT, OAuthFlow.SECRET, redirect);
    assertThat(stolen.json().get("error").asText()).isEqualTo("invalid_grant");
    TestHttp.Reply mine = oauth.exchange(code, id, secret, redirect);
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
  }

  @Test
  void registrationRefusesPlainHttpOffLoopbackAndTakenIds() {
    TestHttp.Reply http = FIX.anonymous()
        .post("/_sandbox/clients", Map.of("redirect_uris", List.of("http://app.example.com/cb")));
    assertThat(http.status()).isEqualTo(400);
    assertThat(http.json().at("/details/0/resource").asText()).isEqualTo("redirect_uris");
    TestHttp.Reply https = FIX.anonymous()
        .post(
            "/_sandbox/clients",
            Map.of(
                "client_id",
                "acme",
                "client_secret",
                "s3",
                "redirect_uris",
                List.of("https://app.example.com/cb")));
    assertThat(https.status()).isEqualTo(201);
    assertThat(https.json().get("client_id").asText()).isEqualTo("acme");
    TestHttp.Reply taken = FIX.anonymous()
        .post(
            "/_sandbox/clients",
            Map.of("client_id", "acme", "redirect_uris", List.of("https://app.example.com/cb")));
    assertThat(taken.status()).isEqualTo(409);
  }

  private static long grants(String type) {
    return FIX.anonymous()
        .get("/_sandbox/stats")
        .json()
        .at("/token_grants/" + type)
        .asLong();
  }
}
