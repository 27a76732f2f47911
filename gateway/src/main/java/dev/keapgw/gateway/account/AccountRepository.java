package dev.keapgw.gateway.account;

import dev.keapgw.gateway.store.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Accounts and API keys in the store. Blocking: call from worker threads. */
public final class AccountRepository {
  private final Jdbi jdbi;

  public AccountRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The owner of an unrevoked key with this hash. */
  public record KeyOwner(String keyId, Account account) {}

  public void insertAccount(Account a) {
    jdbi.useHandle(h -> h.createUpdate(
            "INSERT INTO accounts (id, name, rate_limit_per_second, created_at) VALUES (:id, :name, :rate, :created)")
        .bind("id", a.id())
        .bind("name", a.name())
        .bind("rate", a.rateLimitPerSecond())
        .bind("created", Times.micros(a.createdAt()))
        .execute());
  }

  public void insertKey(ApiKey k, String hash) {
    jdbi.useHandle(h -> h.createUpdate(
            "INSERT INTO api_keys (id, account_id, name, key_hash, created_at) VALUES (:id, :account, :name, :hash, :created)")
        .bind("id", k.id())
        .bind("account", k.accountId())
        .bind("name", k.name())
        .bind("hash", hash)
        .bind("created", Times.micros(k.createdAt()))
        .execute());
  }

  public List<Account> accounts() {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT id, name, rate_limit_per_second, created_at, mcp_read_only FROM accounts ORDER BY created_at, id")
        .map((rs, ctx) -> account(rs))
        .list());
  }

  public Optional<Account> account(String id) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT id, name, rate_limit_per_second, created_at, mcp_read_only FROM accounts WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> account(rs))
        .findOne());
  }

  /**
   * Deletes an account with its keys and connections; the connections' sealed tokens and
   * sessions are overwritten first, in the same transaction (see {@code ConnectionRepository#delete}).
   */
  public boolean deleteAccount(String id) {
    return jdbi.inTransaction(h -> {
      h.createUpdate(
              dev.keapgw.gateway.connection.ConnectionRepository.ERASE + " WHERE account_id = :id")
          .bind("id", id)
          .execute();
      return h.createUpdate("DELETE FROM accounts WHERE id = :id")
              .bind("id", id)
              .execute()
          > 0;
    });
  }

  public boolean setRateLimit(String id, Integer perSecond) {
    return jdbi.withHandle(
            h -> h.createUpdate("UPDATE accounts SET rate_limit_per_second = :r WHERE id = :id")
                .bind("r", perSecond)
                .bind("id", id)
                .execute())
        > 0;
  }

  public boolean setMcpReadOnly(String id, boolean readOnly) {
    return jdbi.withHandle(
            h -> h.createUpdate("UPDATE accounts SET mcp_read_only = :r WHERE id = :id")
                .bind("r", readOnly)
                .bind("id", id)
                .execute())
        > 0;
  }

  public List<ApiKey> keys(String accountId) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT id, account_id, name, created_at, last_used_at FROM api_keys"
                + " WHERE account_id = :a AND revoked_at IS NULL ORDER BY created_at, id")
        .bind("a", accountId)
        .map((rs, ctx) -> new ApiKey(
            rs.getString("id"),
            rs.getString("account_id"),
            rs.getString("name"),
            Times.instant(rs.getLong("created_at")),
            Times.instant((Long) rs.getObject("last_used_at", Long.class))))
        .list());
  }

  public boolean revokeKey(String keyId, Instant now) {
    return jdbi.withHandle(h -> h.createUpdate(
                "UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
            .bind("now", Times.micros(now))
            .bind("id", keyId)
            .execute())
        > 0;
  }

  public Optional<KeyOwner> ownerOf(String keyHash) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT k.id AS key_id, a.id, a.name, a.rate_limit_per_second, a.created_at, a.mcp_read_only"
                + " FROM api_keys k JOIN accounts a ON a.id = k.account_id"
                + " WHERE k.key_hash = :hash AND k.revoked_at IS NULL")
        .bind("hash", keyHash)
        .map((rs, ctx) -> new KeyOwner(rs.getString("key_id"), account(rs)))
        .findOne());
  }

  /** Records when keys were last used; called in batches, never per request. */
  public void touchKeys(java.util.Map<String, Instant> lastUse) {
    if (lastUse.isEmpty()) {
      return;
    }
    jdbi.useHandle(h -> {
      var batch = h.prepareBatch("UPDATE api_keys SET last_used_at = :t WHERE id = :id");
      lastUse.forEach((id, t) -> batch.bind("t", Times.micros(t)).bind("id", id).add());
      batch.execute();
    });
  }

  private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Account(
        rs.getString("id"),
        rs.getString("name"),
        (Integer) rs.getObject("rate_limit_per_second", Integer.class),
        Times.instant(rs.getLong("created_at")),
        rs.getBoolean("mcp_read_only"));
  }
}
