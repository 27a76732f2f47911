package dev.keapgw.gateway.console;

import java.time.Instant;

/**
 * A signed-in browser: an account's (opened with one of its API keys) or the operator's.
 *
 * @param tokenHash the SHA-256 of the cookie's token, as stored
 * @param accountId null for the operator
 * @param csrfToken what the browser must send in {@code X-CSRF-Token} with every change
 */
public record ConsoleSession(
    String tokenHash,
    Kind kind,
    String accountId,
    String accountName,
    String keyId,
    Instant expiresAt,
    String csrfToken) {

  public enum Kind {
    ACCOUNT("kgw_console"),
    OPERATOR("kgw_operator");

    /** Each kind has a cookie of its own, so one browser may hold both. */
    final String cookie;

    Kind(String cookie) {
      this.cookie = cookie;
    }
  }
}
