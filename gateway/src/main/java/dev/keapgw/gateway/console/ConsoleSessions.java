package dev.keapgw.gateway.console;

import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.account.KeySecrets;
import dev.keapgw.gateway.connection.OneTimeTokens;
import dev.keapgw.gateway.store.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Console sessions in the store (table {@code console_sessions}). An API key or the admin token
 * is exchanged once for a random session token, which the browser keeps in an HttpOnly cookie
 * and the store keeps as a SHA-256 only. A session lives {@link #LIFETIME}; an account's ends
 * at once when the key it was opened with is revoked or its account deleted, the operator's
 * when the gateway runs with another admin token. Blocking: call from worker threads.
 */
public final class ConsoleSessions {
  /** Short on purpose: a console tab left open is signed out within the hour. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  private final Jdbi jdbi;
  private final AccountRepository accounts;
  private final Clock clock;
  /** The digest of the configured admin token; null when the admin API is off. */
  private final String adminDigest;

  public ConsoleSessions(Jdbi jdbi, AccountRepository accounts, Clock clock, String adminToken) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.clock = clock;
    this.adminDigest =
        adminToken == null || adminToken.isEmpty() ? null : OneTimeTokens.hash(adminToken);
  }

  /** A new session and the token for its cookie. */
  public record Opened(String token, ConsoleSession session) {}

  /** Opens an account session for this API key; empty when the key is unknown or revoked. */
  public Optional<Opened> signIn(String apiKey) {
    if (apiKey == null || apiKey.isBlank() || apiKey.length() > 512) {
      return Optional.empty();
    }
    return accounts
        .ownerOf(KeySecrets.hash(apiKey.trim()))
        .map(owner -> open(
            ConsoleSession.Kind.ACCOUNT,
            owner.account().id(),
            owner.account().name(),
            owner.keyId(),
            null));
  }

  /** Whether operators can sign in at all (the gateway has an admin token). */
  public boolean operatorEnabled() {
    return adminDigest != null;
  }

  /** Opens an operator session for the admin token; empty when it is not the gateway's. */
  public Optional<Opened> operatorSignIn(String adminToken) {
    if (adminDigest == null || adminToken == null || adminToken.isEmpty()) {
      return Optional.empty();
    }
    // digests of equal length compared in constant time: neither content nor length leaks
    boolean same = MessageDigest.isEqual(
        OneTimeTokens.hash(adminToken).getBytes(StandardCharsets.US_ASCII),
        adminDigest.getBytes(StandardCharsets.US_ASCII));
    return same
        ? Optional.of(open(ConsoleSession.Kind.OPERATOR, null, null, null, adminDigest))
        : Optional.empty();
  }

  private Opened open(
      ConsoleSession.Kind kind, String accountId, String accountName, String keyId, String digest) {
    String token = OneTimeTokens.random();
    String hash = OneTimeTokens.hash(token);
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    jdbi.useHandle(
        h -> h.createUpdate("INSERT INTO console_sessions (token_hash, kind, account_id, key_id,"
                + " admin_digest, created_at, expires_at) VALUES (:h, :k, :a, :key, :d, :c, :x)")
            .bind("h", hash)
            .bind("k", kind.name())
            .bind("a", accountId)
            .bind("key", keyId)
            .bind("d", digest)
            .bind("c", Times.micros(now))
            .bind("x", Times.micros(expires))
            .execute());
    return new Opened(
        token,
        new ConsoleSession(hash, kind, accountId, accountName, keyId, expires, csrfOf(token)));
  }

  /** The live session of this kind behind a cookie's token, if there is one. */
  public Optional<ConsoleSession> find(String token, ConsoleSession.Kind kind) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = OneTimeTokens.hash(token);
    long now = Times.micros(clock.instant());
    Optional<Row> found =
        jdbi.withHandle(h -> h.createQuery("SELECT s.token_hash, s.kind, s.account_id,"
                + " a.name AS account_name, s.key_id, s.admin_digest, s.expires_at FROM console_sessions s"
                + " LEFT JOIN api_keys k ON k.id = s.key_id LEFT JOIN accounts a ON a.id = s.account_id"
                + " WHERE s.token_hash = :h AND s.kind = :kind AND s.expires_at > :now"
                + " AND (s.kind = 'OPERATOR' OR (k.id IS NOT NULL AND k.revoked_at IS NULL))")
            .bind("h", hash)
            .bind("kind", kind.name())
            .bind("now", now)
            .map((rs, ctx) -> new Row(
                new ConsoleSession(
                    rs.getString("token_hash"),
                    kind,
                    rs.getString("account_id"),
                    rs.getString("account_name"),
                    rs.getString("key_id"),
                    Times.instant(rs.getLong("expires_at")),
                    csrfOf(token)),
                rs.getString("admin_digest")))
            .findOne());
    return found
        .filter(r -> kind == ConsoleSession.Kind.ACCOUNT
            || (adminDigest != null && adminDigest.equals(r.adminDigest())))
        .map(Row::session);
  }

  private record Row(ConsoleSession session, String adminDigest) {}

  /** Ends a session (sign out). */
  public void end(ConsoleSession s) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM console_sessions WHERE token_hash = :h")
        .bind("h", s.tokenHash())
        .execute());
  }

  /** Forgets expired sessions and answers how many are live. */
  public long purgeAndCount() {
    long now = Times.micros(clock.instant());
    return jdbi.withHandle(h -> {
      h.createUpdate("DELETE FROM console_sessions WHERE expires_at <= :now")
          .bind("now", now)
          .execute();
      return h.createQuery("SELECT COUNT(*) FROM console_sessions")
          .mapTo(Long.class)
          .one();
    });
  }

  /**
   * The CSRF token of a session: derived from its secret token (so it is stored nowhere, and
   * cannot be worked back to the cookie's value).
   */
  static String csrfOf(String token) {
    return OneTimeTokens.hash("csrf|" + token);
  }
}
