package dev.keapgw.gateway.oauth;

import java.time.Instant;

/** What an upstream token endpoint granted. Never logged: {@link #toString} hides the tokens. */
public record TokenSet(
    String accessToken, String refreshToken, long expiresInSeconds, String scope) {
  public Instant expiresAt(Instant issuedAt) {
    return issuedAt.plusSeconds(expiresInSeconds);
  }

  @Override
  public String toString() {
    return "TokenSet[expires_in=" + expiresInSeconds + ", scope=" + scope + "]";
  }
}
