package dev.keapgw.gateway.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.http.Json;
import java.io.IOException;

/**
 * What a token endpoint's answer means: tokens, a dead grant (only a reconnect helps), or a
 * passing failure. A pure function of the status and body, so it is tested without sockets.
 */
final class TokenAnswers {
  private TokenAnswers() {}

  /**
   * The tokens in a 200 answer.
   *
   * @param what the grant, for messages ({@code refresh}, {@code code exchange})
   * @throws TokenEndpointException for any other answer
   */
  static TokenSet interpret(int status, byte[] body, String what) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    if (status == 200 && json != null && json.hasNonNull("access_token")) {
      if (!printable(json.get("access_token").asText())) {
        // it would go into an Authorization header; a line break there could add headers upstream
        throw new TokenEndpointException(
            TokenEndpointException.Kind.TRANSIENT,
            "the token endpoint answered the " + what
                + " with an access token that is not printable ASCII");
      }
      return new TokenSet(
          json.get("access_token").asText(),
          json.path("refresh_token").asText(null),
          json.path("expires_in").asLong(86_400),
          json.path("scope").asText(null));
    }
    String error = json == null ? "" : json.path("error").asText("");
    String description = json == null ? "" : json.path("error_description").asText("");
    String detail = (error + (description.isEmpty() ? "" : ": " + description)).trim();
    if (status == 400 && (error.equals("invalid_grant") || error.equals("invalid_request"))) {
      throw new TokenEndpointException(
          TokenEndpointException.Kind.DEAD_GRANT,
          "the upstream refused the " + what + " (" + detail + ")");
    }
    if (status == 401) {
      throw new TokenEndpointException(
          TokenEndpointException.Kind.TRANSIENT,
          "the upstream refused the gateway's OAuth client credentials during the " + what
              + "; the operator must check the client id and secret");
    }
    throw new TokenEndpointException(
        TokenEndpointException.Kind.TRANSIENT,
        "the token endpoint answered " + status + " to the " + what
            + (detail.isEmpty() ? "" : " (" + detail + ")"));
  }

  /** RFC 6749's VSCHAR: what an access token may be made of. */
  private static boolean printable(String token) {
    return !token.isEmpty() && token.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }
}
