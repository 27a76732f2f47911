package dev.keapgw.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelineTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void unknownPathWithoutCredentialsIsAGateway401NotA404() {
    TestHttp.Reply r = FIX.anonymous().get("/crm/rest/v2/no-such-thing");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().at("/fault/detail/errorcode").asText())
        .isEqualTo("oauth.v2.InvalidAccessToken");
  }

  @Test
  void garbageBearerTokenIsInvalidAccessToken() {
    TestHttp.Reply r = TestHttp.bearer(FIX.baseUrl(), "garbage").get("/crm/rest/v2/contacts");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().at("/fault/faultstring").asText()).isEqualTo("Invalid Access Token");
    assertThat(r.json().at("/fault/detail/errorcode").asText())
        .isEqualTo("keymanagement.service.invalid_access_token");
  }

  @Test
  void unknownPathWithCredentialsIsAnApplication404() {
    TestHttp.Reply r = FIX.api().get("/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("code").asInt()).isEqualTo(404);
    assertThat(r.json().get("status").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void apiKeyHeaderIsAcceptedLikeBearer() {
    TestHttp t =
        new TestHttp(FIX.baseUrl() + "/crm/rest/v2", Map.of("X-Keap-API-Key", FIX.apiKey()));
    assertThat(t.get("/no-such-thing").status()).isEqualTo(404);
  }

  @Test
  void statsCountCrmRequests() {
    long before = FIX.anonymous().get("/_sandbox/stats").json().get("requests").asLong();
    FIX.api().get("/no-such-thing");
    FIX.api().get("/no-such-thing");
    long after = FIX.anonymous().get("/_sandbox/stats").json().get("requests").asLong();
    assertThat(after - before).isEqualTo(2);
    assertThat(FIX.anonymous()
            .get("/_sandbox/stats")
            .json()
            .at("/token_grants/refresh_token")
            .isNumber())
        .isTrue();
  }

  @Test
  void injectedStatusFaultAnswersThatStatusForItsShare() {
    FIX.anonymous()
        .post(
            "/_sandbox/faults",
            Map.of(
                "path_prefix",
                "/crm/rest/v2/faulty",
                "kind",
                "status",
                "status",
                503,
                "share",
                1.0,
                "count",
                1));
    assertThat(FIX.api().get("/faulty").status()).isEqualTo(503);
    assertThat(FIX.api().get("/faulty").status()).isEqualTo(404); // the rule fired once
    for (int i = 0; i < 5; i++) {
      assertThat(FIX.api().get("/faulty").status())
          .as("a spent rule stays spent")
          .isEqualTo(404);
    }
    FIX.anonymous().delete("/_sandbox/faults");
  }

  @Test
  void badFaultRuleIsA400NamingTheField() {
    TestHttp.Reply r = FIX.anonymous().post("/_sandbox/faults", Map.of("kind", "explode"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("kind");
  }
}
