package dev.keapgw.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.http.KeapRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the sandbox's OAuth server over HTTP the way a browser and an application would. */
final class OAuthFlow {
  static final String CLIENT = "sandbox-client";
  static final String SECRET = "sandbox-secret";
  static final String REDIRECT = "http://localhost:8080/oauth/callback";
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

  private final SandboxFixture fix;

  OAuthFlow(SandboxFixture fix) {
    this.fix = fix;
  }

  TestHttp.Reply authorize(
      String clientId, String redirectUri, String responseType, String scope, String state) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", clientId);
    q.put("redirect_uri", redirectUri);
    q.put("response_type", responseType);
    q.put("scope", scope);
    q.put("state", state);
    return fix.anonymous().get("/app/oauth/authorize?" + form(q));
  }

  TestHttp.Reply authorize(String state) {
    return authorize(CLIENT, REDIRECT, "code", "full", state);
  }

  static String formToken(TestHttp.Reply consentPage) {
    Matcher m = FORM_TOKEN.matcher(consentPage.body());
    assertThat(m.find())
        .as("the consent page carries a form token: %s", consentPage.body())
        .isTrue();
    return m.group(1);
  }

  TestHttp.Reply decide(String formToken, String decision, String tenantId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("form_token", formToken);
    f.put("decision", decision);
    f.put("tenant_id", tenantId);
    return fix.anonymous().form("/app/oauth/authorize", form(f), Map.of());
  }

  /** A person opens the consent page for the default client, picks {@code tenantId} and allows. */
  String code(String tenantId) {
    return code(CLIENT, REDIRECT, tenantId);
  }

  String code(String clientId, String redirectUri, String tenantId) {
    TestHttp.Reply page = authorize(clientId, redirectUri, "code", "full", "s");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    TestHttp.Reply back = decide(formToken(page), "allow", tenantId);
    assertThat(back.status()).isEqualTo(302);
    return query(back.header("Location")).get("code");
  }

  TestHttp.Reply exchange(String code, String clientId, String secret, String redirectUri) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("client_id", clientId);
    f.put("client_secret", secret);
    f.put("code", code);
    f.put("redirect_uri", redirectUri);
    return fix.anonymous().form("/token", form(f), Map.of());
  }

  TestHttp.Reply exchange(String code) {
    return exchange(code, CLIENT, SECRET, REDIRECT);
  }

  /** Tokens for {@code tenantId} through the whole code flow; asserts success. */
  JsonNode tokens(String tenantId) {
    TestHttp.Reply r = exchange(code(tenantId));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  TestHttp.Reply refresh(String refreshToken, String clientId, String secret) {
    String basic = Base64.getEncoder()
        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return fix.anonymous()
        .form(
            "/token",
            form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)),
            Map.of("Authorization", "Basic " + basic));
  }

  TestHttp.Reply refresh(String refreshToken) {
    return refresh(refreshToken, CLIENT, SECRET);
  }

  /** The CRM API as the holder of {@code accessToken} sees it. */
  TestHttp crm(String accessToken) {
    return TestHttp.bearer(fix.baseUrl() + "/crm/rest/v2", accessToken);
  }

  static String form(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((k, v) -> {
      if (v != null) {
        sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v));
      }
    });
    return sb.toString();
  }

  /** The decoded query parameters of a redirect's Location. */
  static Map<String, String> query(String location) {
    assertThat(location).isNotNull();
    Map<String, String> out = new LinkedHashMap<>();
    KeapRequest.parseQuery(URI.create(location).getRawQuery())
        .forEach((k, v) -> out.put(k, v.get(0)));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
