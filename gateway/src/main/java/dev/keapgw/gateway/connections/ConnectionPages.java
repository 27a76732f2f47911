package dev.keapgw.gateway.connections;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.store.Times;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Paging of {@code GET /connections}: {@code limit} (how many per page) and {@code next_token}
 * (where the page before stopped: the creation time and id of its last connection, opaque to
 * callers). Pages are keyset-based, so connections created or deleted during a walk never make
 * one that existed throughout appear twice or be skipped.
 */
public final class ConnectionPages {
  /** The largest page, and the page size when no {@code limit} is given. */
  public static final int MAX_LIMIT = 100;

  private ConnectionPages() {}

  /** Where a page starts: after this connection. */
  record After(Instant created, String id) {}

  static int limit(String limit) {
    if (limit == null || limit.isEmpty()) {
      return MAX_LIMIT;
    }
    try {
      int n = Integer.parseInt(limit);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw GatewayException.badRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT)
        .with("field", "limit");
  }

  static String token(Connection last, String accountId) {
    String raw = "v1." + scope(accountId) + "." + Times.micros(last.createdAt()) + "." + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a token names; null for none; 400 for a token this gateway did not give this account. */
  static After after(String token, String accountId) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\.", 4);
      if (parts.length == 4
          && parts[0].equals("v1")
          && parts[1].equals(scope(accountId))
          && parts[3].length() <= 64) {
        return new After(Times.instant(Long.parseLong(parts[2])), parts[3]);
      }
    } catch (IllegalArgumentException e) {
      // answered below (NumberFormatException is one too)
    }
    throw GatewayException.badRequest(
            "'next_token' is not a token this gateway gave out for this account's"
                + " connections: pass the next_token of the page before, or leave it out to start again.")
        .with("field", "next_token");
  }

  /** Binds a token to its account (a short digest of the id), so another account's token is refused. */
  private static String scope(String accountId) {
    return Integer.toHexString(accountId.hashCode());
  }
}
