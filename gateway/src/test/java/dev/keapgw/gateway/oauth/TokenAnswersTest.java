package dev.keapgw.gateway.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a token endpoint's answer means, without a socket. */
@Tag("unit")
class TokenAnswersTest {
  private static TokenSet read(int status, String body) {
    return TokenAnswers.interpret(status, body.getBytes(StandardCharsets.UTF_8), "refresh");
  }

  private static TokenEndpointException refused(int status, String body) {
    try {
      read(status, body);
    } catch (TokenEndpointException e) {
      return e;
    }
    throw new AssertionError("answered tokens for " + status + " " + body);
  }

  @Test
  void aGrantIsReadWithKeapsDefaults() {
    TokenSet t = read(200, "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":3600}");
    assertThat(t.accessToken()).isEqualTo("a");
    assertThat(t.refreshToken()).isEqualTo("r");
    assertThat(t.expiresInSeconds()).isEqualTo(3600);
    assertThat(read(200, "{\"access_token\":\"a\"}").expiresInSeconds()).isEqualTo(86_400);
    assertThat(read(200, "{\"access_token\":\"a\"}").refreshToken()).isNull();
  }

  @Test
  void aRefusedGrantIsDeadAndEverythingElsePassing() {
    assertThat(refused(400, "{\"error\":\"invalid_grant\"}").deadGrant()).isTrue();
    assertThat(refused(
                400,
                "{\"error\":\"invalid_request\",\"error_description\":\"Invalid"
                    + " Refresh Token\"}")
            .getMessage())
        .contains("invalid_request: Invalid Refresh Token");
    assertThat(refused(400, "{\"error\":\"unsupported_grant_type\"}").deadGrant())
        .isFalse();
    TokenEndpointException client = refused(401, "{\"error\":\"invalid_client\"}");
    assertThat(client.deadGrant())
        .as("the operator's credentials, not the grant")
        .isFalse();
    assertThat(client.getMessage()).contains("client id and secret");
    assertThat(refused(503, "<html>busy</html>").getMessage())
        .isEqualTo("the token endpoint answered 503 to the refresh");
    assertThat(refused(200, "{\"token\":\"x\"}").deadGrant()).isFalse();
  }

  @Test
  void anAccessTokenThatCouldAddHeadersIsRefusedWithoutBeingRepeated() {
    assertThatThrownBy(() -> read(200, "{\"access_token\":\"abc\\r\\nX-Injected: 1\"}"))
        .isInstanceOf(TokenEndpointException.class)
        .hasMessageContaining("not printable ASCII")
        .hasMessageNotContaining("abc");
  }
}
