package dev.keapgw.sandbox.oauth;

import dev.keapgw.sandbox.auth.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes between the consent and the token exchange. A code lives a short time,
 * works once, and only for the client and redirect URI it was issued to.
 */
final class AuthorizationCodes {
  /** What a code stands for: who approved access to which account, for which client. */
  record CodeGrant(
      String clientId, String redirectUri, String tenantId, String userId, Instant expiresAt) {}

  private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
  private final Duration ttl;

  AuthorizationCodes(Duration ttl) {
    this.ttl = ttl;
  }

  String issue(String clientId, String redirectUri, String tenantId, String userId, Instant now) {
    codes.values().removeIf(g -> !now.isBefore(g.expiresAt()));
    String code = Credentials.newToken("");
    codes.put(code, new CodeGrant(clientId, redirectUri, tenantId, userId, now.plus(ttl)));
    return code;
  }

  /**
   * Spends a code. It is gone after the first attempt by its rightful client, whatever the
   * outcome, so a replay never succeeds; another client's attempt leaves it alone.
   *
   * @throws TokenError.TokenRejected invalid_grant when the code is unknown, used, expired,
   *     another client's, or was issued for another redirect URI
   */
  CodeGrant redeem(String code, String clientId, String redirectUri, Instant now) {
    CodeGrant g = code == null ? null : codes.get(code);
    // remove(key, value) lets exactly one of two racing exchanges have the code.
    if (g == null
        || !g.clientId().equals(clientId)
        || !codes.remove(code, g)
        || !now.isBefore(g.expiresAt())) {
      throw TokenError.invalidGrant("the authorization code is unknown, already used or expired")
          .reject();
    }
    if (!g.redirectUri().equals(redirectUri)) {
      throw TokenError.invalidGrant("redirect_uri does not match the one the code was issued for")
          .reject();
    }
    return g;
  }
}
