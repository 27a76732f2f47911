package dev.keapgw.gateway.token;

import java.time.Instant;

/** A usable access token of one connection, as the data plane injects it. */
public record ActiveToken(
    String connectionId, String accessToken, Instant issuedAt, Instant expiresAt, long version) {
  @Override
  public String toString() {
    return "ActiveToken[" + connectionId + " expires=" + expiresAt + " v" + version + "]";
  }
}
