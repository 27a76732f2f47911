package dev.keapgw.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenLifetimeTest {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  static final SandboxFixture FIX =
      new SandboxFixture(SandboxFixture.testConfig().withClock(CLOCK));

  private final OAuthFlow oauth = new OAuthFlow(FIX);

  @Test
  void everyRefreshRotatesAndTheOldRefreshTokenDiesAtOnce() {
    JsonNode first = oauth.tokens(Sandbox.tenantId(1));
    TestHttp.Reply second = oauth.refresh(first.get("refresh_token").asText());
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.header("Cache-Control")).isEqualTo("no-store");
    String rotated = second.json().get("refresh_token").asText();
    assertThat(rotated).isNotEqualTo(first.get("refresh_token").asText());
    assertThat(second.json().get("scope").asText())
        .isEqualTo("full|" + Sandbox.tenantId(1) + ".infusionsoft.com");

    assertInvalidRefreshToken(oauth.refresh(first.get("refresh_token").asText()));
    assertThat(oauth.refresh(rotated).status()).isEqualTo(200);
    assertInvalidRefreshToken(oauth.refresh(rotated));
  }

  @Test
  void ofRacingRefreshesWithOneTokenExactlyOneWins() throws Exception {
    String refresh = oauth.tokens(Sandbox.tenantId(1)).get("refresh_token").asText();
    List<Callable<Integer>> racers =
        Collections.nCopies(8, () -> oauth.refresh(refresh).status());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(racers)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theReplacedAccessTokenStaysValidUntilItExpires() {
    JsonNode first = oauth.tokens(Sandbox.tenantId(2));
    JsonNode second = oauth.refresh(first.get("refresh_token").asText()).json();
    for (JsonNode t : List.of(first, second)) {
      TestHttp.Reply me = oauth.crm(t.get("access_token").asText()).get("/oauth/connect/userinfo");
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("tenant_id").asText()).isEqualTo(Sandbox.tenantId(2));
    }
  }

  @Test
  void anExpiredAccessTokenGetsKeapsFaultAndARefreshRecovers() {
    JsonNode t = oauth.tokens(Sandbox.tenantId(1));
    CLOCK.advance(Duration.ofHours(24));
    TestHttp.Reply r = oauth.crm(t.get("access_token").asText()).get("/oauth/connect/userinfo");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().at("/fault/detail/errorcode").asText())
        .isEqualTo("keymanagement.service.access_token_expired");

    TestHttp.Reply fresh = oauth.refresh(t.get("refresh_token").asText());
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(oauth
            .crm(fresh.json().get("access_token").asText())
            .get("/oauth/connect/userinfo")
            .status())
        .isEqualTo(200);
  }

  @Test
  void aRefreshTokenLivesFortyFiveDaysFromItsIssue() {
    JsonNode t = oauth.tokens(Sandbox.tenantId(1));
    CLOCK.advance(Duration.ofDays(44));
    TestHttp.Reply kept = oauth.refresh(t.get("refresh_token").asText());
    assertThat(kept.status()).isEqualTo(200);
    CLOCK.advance(Duration.ofDays(45));
    assertInvalidRefreshToken(oauth.refresh(kept.json().get("refresh_token").asText()));
  }

  @Test
  void refreshTakesTheClientOnlyAsHttpBasic() {
    String refresh = oauth.tokens(Sandbox.tenantId(1)).get("refresh_token").asText();
    TestHttp.Reply inBody = FIX.anonymous()
        .form(
            "/token",
            OAuthFlow.form(Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                refresh,
                "client_id",
                OAuthFlow.CLIENT,
                "client_secret",
                OAuthFlow.SECRET)),
            Map.of());
    assertThat(inBody.status()).isEqualTo(401);
    assertThat(inBody.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(inBody.header("WWW-Authenticate")).startsWith("Basic");
    TestHttp.Reply wrong = oauth.refresh(refresh, OAuthFlow.CLIENT, "wrong");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(oauth.refresh(refresh).status())
        .as("refused attempts do not spend the token")
        .isEqualTo(200);
  }

  @Test
  void anotherClientsRefreshTokenIsInvalidAndStaysItsOwners() {
    TestHttp.Reply other = FIX.anonymous()
        .post("/_sandbox/clients", Map.of("redirect_uris", List.of("http://localhost:7000/cb")));
    String refresh = oauth.tokens(Sandbox.tenantId(1)).get("refresh_token").asText();
    assertInvalidRefreshToken(oauth.refresh(
        refresh,
        other.json().get("client_id").asText(),
        other.json().get("client_secret").asText()));
    assertThat(oauth.refresh(refresh).status()).isEqualTo(200);
  }

  @Test
  void revokingATenantsTokensKillsItsRefreshTokensToo() {
    JsonNode revoked = oauth.tokens(Sandbox.tenantId(2));
    JsonNode spared = oauth.tokens(Sandbox.tenantId(1));
    TestHttp.Reply r =
        FIX.anonymous().post("/_sandbox/tenants/" + Sandbox.tenantId(2) + "/tokens:revoke", "");
    assertThat(r.status()).isEqualTo(200);

    TestHttp.Reply call =
        oauth.crm(revoked.get("access_token").asText()).get("/oauth/connect/userinfo");
    assertThat(call.status()).isEqualTo(401);
    assertThat(call.json().at("/fault/detail/errorcode").asText())
        .isEqualTo("keymanagement.service.invalid_access_token");
    assertInvalidRefreshToken(oauth.refresh(revoked.get("refresh_token").asText()));
    assertThat(oauth.refresh(spared.get("refresh_token").asText()).status()).isEqualTo(200);
  }

  @Test
  void statsCountOnlySuccessfulGrants() {
    long codesBefore = grants("authorization_code");
    long refreshesBefore = grants("refresh_token");
    JsonNode t = oauth.tokens(Sandbox.tenantId(1));
    oauth.exchange("no-such-code");
    oauth.refresh(t.get("refresh_token").asText());
    oauth.refresh(t.get("refresh_token").asText());
    assertThat(grants("authorization_code")).isEqualTo(codesBefore + 1);
    assertThat(grants("refresh_token")).isEqualTo(refreshesBefore + 1);
  }

  private static void assertInvalidRefreshToken(TestHttp.Reply r) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json())
        .isEqualTo(TestHttp.obj()
            .put("error", "invalid_request")
            .put("error_description", "Invalid Refresh Token"));
  }

  private static long grants(String type) {
    return FIX.anonymous()
        .get("/_sandbox/stats")
        .json()
        .at("/token_grants/" + type)
        .asLong();
  }
}
