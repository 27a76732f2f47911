package dev.keapgw.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapResponse;

/**
 * An answer of the token endpoint that refuses a request: {@code {"error","error_description"}}
 * with its status. Where Keap is known to word an error its own way, the factory says so.
 */
record TokenError(int status, String error, String description) {
  /** Keap's answer when it finds no grant_type, which is also what a JSON body gets. */
  static TokenError missingGrantType() {
    return new TokenError(400, "invalid_request", "response_type or grant_type is required");
  }

  /** Keap's answer for a refresh token that is unknown, used, expired or revoked. */
  static TokenError invalidRefreshToken() {
    return new TokenError(400, "invalid_request", "Invalid Refresh Token");
  }

  static TokenError invalidRequest(String description) {
    return new TokenError(400, "invalid_request", description);
  }

  static TokenError invalidGrant(String description) {
    return new TokenError(400, "invalid_grant", description);
  }

  static TokenError invalidClient(String description) {
    return new TokenError(401, "invalid_client", description);
  }

  static TokenError unsupportedGrantType(String grantType) {
    return new TokenError(
        400,
        "unsupported_grant_type",
        "grant_type " + grantType + " is not supported; use authorization_code or refresh_token");
  }

  TokenRejected reject() {
    return new TokenRejected(this);
  }

  KeapResponse response() {
    ObjectNode body = Json.object().put("error", error).put("error_description", description);
    KeapResponse r = TokenEndpoint.noStore(KeapResponse.json(status, body));
    if (status == 401) {
      // RFC 6749 5.2: a 401 from the token endpoint names the authentication scheme expected.
      r.header("WWW-Authenticate", "Basic realm=\"keap\"");
    }
    return r;
  }

  /** Thrown inside the token endpoint to stop at the first problem; caught at its edge. */
  static final class TokenRejected extends RuntimeException {
    private final TokenError error;

    TokenRejected(TokenError error) {
      super(error.error(), null, false, false);
      this.error = error;
    }

    TokenError error() {
      return error;
    }
  }
}
