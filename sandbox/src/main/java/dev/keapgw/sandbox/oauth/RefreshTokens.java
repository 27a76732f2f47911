package dev.keapgw.sandbox.oauth;

import dev.keapgw.sandbox.auth.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live refresh tokens. Each use rotates: the token presented dies at once and a new one, with
 * a full lifetime from now, replaces it. When two refreshes race with the same token, exactly
 * one wins. A token presented by a client other than its own answers as an unknown token does
 * (Keap's {@code invalid_request} "Invalid Refresh Token") and stays valid for its owner, so
 * one client can neither probe nor spend another's grant.
 */
final class RefreshTokens {
  /** Who granted access to which account, for which client, until when. */
  record RefreshGrant(
      String token, String clientId, String tenantId, String userId, Instant expiresAt) {}

  private static final String PREFIX = "KeapRT-";
  private final Map<String, RefreshGrant> tokens = new ConcurrentHashMap<>();
  private final Duration ttl;

  RefreshTokens(Duration ttl) {
    this.ttl = ttl;
  }

  RefreshGrant issue(String clientId, String tenantId, String userId, Instant now) {
    tokens.values().removeIf(g -> !now.isBefore(g.expiresAt()));
    RefreshGrant g =
        new RefreshGrant(Credentials.newToken(PREFIX), clientId, tenantId, userId, now.plus(ttl));
    tokens.put(g.token(), g);
    return g;
  }

  /**
   * Spends {@code token} and returns the grant it stood for; the caller issues the successor.
   *
   * @throws TokenError.TokenRejected Keap's "Invalid Refresh Token" when the token is unknown,
   *     already used, expired, revoked or another client's
   */
  RefreshGrant spend(String token, String clientId, Instant now) {
    RefreshGrant g = token == null ? null : tokens.get(token);
    if (g == null
        || !g.clientId().equals(clientId)
        || !tokens.remove(token, g)
        || !now.isBefore(g.expiresAt())) {
      throw TokenError.invalidRefreshToken().reject();
    }
    return g;
  }

  /** Kills every refresh token of a tenant; returns how many. */
  int revokeTenant(String tenantId) {
    int n = 0;
    for (RefreshGrant g : tokens.values()) {
      if (g.tenantId().equals(tenantId) && tokens.remove(g.token(), g)) {
        n++;
      }
    }
    return n;
  }
}
