package dev.keapgw.gateway.trigger;

import dev.keapgw.gateway.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code next_token} of trigger and event lists: the position after the last item
 * served, base64url. A token that does not decode answers 400; the {@code limit} parameter too.
 */
final class PageToken {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private PageToken() {}

  static String encode(String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a token names, or null for none; {@code prefix} tells a trigger token from an event token. */
  static String decode(String token, String prefix) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith(prefix)) {
        return s.substring(prefix.length());
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw GatewayException.badRequest(
            "'next_token' is not one this list gave out: pass the next_token of the"
                + " previous page unchanged, or leave it out for the first page")
        .with("field", "next_token");
  }

  static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw GatewayException.badRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT)
        .with("field", "limit");
  }
}
