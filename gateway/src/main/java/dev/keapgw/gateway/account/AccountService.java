package dev.keapgw.gateway.account;

import dev.keapgw.gateway.error.GatewayException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Accounts and their keys, as the admin API and the launcher's commands use them. Blocking.
 * A key's secret exists only in the answer that creates it.
 */
public final class AccountService {
  /** A key just made, with its secret: shown once. */
  public record IssuedKey(ApiKey key, String secret) {}

  public record NewAccount(Account account, IssuedKey key) {}

  private final AccountRepository repo;
  private final ApiKeyAuthenticator auth;
  private final Clock clock;

  public AccountService(AccountRepository repo, ApiKeyAuthenticator auth, Clock clock) {
    this.repo = repo;
    this.auth = auth;
    this.clock = clock;
  }

  public NewAccount createAccount(String name) {
    Account a = new Account(
        UUID.randomUUID().toString(), validName(name, "name"), null, clock.instant(), false);
    repo.insertAccount(a);
    return new NewAccount(a, issueKey(a.id(), "default", KeySecrets.newKey()));
  }

  public List<Account> accounts() {
    return repo.accounts();
  }

  public Account account(String id) {
    return repo.account(id)
        .orElseThrow(() -> GatewayException.notFound("No account with id " + id));
  }

  public void deleteAccount(String id) {
    if (!repo.deleteAccount(id)) {
      throw GatewayException.notFound("No account with id " + id);
    }
    auth.invalidate();
  }

  public Account setRateLimit(String id, Integer perSecond) {
    if (perSecond != null && (perSecond < 1 || perSecond > 1_000_000)) {
      throw GatewayException.badRequest(
          "rate_limit_per_second must be between 1 and 1000000, or null for the default");
    }
    if (!repo.setRateLimit(id, perSecond)) {
      throw GatewayException.notFound("No account with id " + id);
    }
    auth.invalidate();
    return account(id);
  }

  /** Limits the account's MCP tools to reading (true) or lifts the limit (false). */
  public Account setMcpReadOnly(String id, boolean readOnly) {
    if (!repo.setMcpReadOnly(id, readOnly)) {
      throw GatewayException.notFound("No account with id " + id);
    }
    auth.invalidate();
    return account(id);
  }

  public IssuedKey createKey(String accountId, String name) {
    account(accountId);
    return issueKey(accountId, name == null ? "key" : validName(name, "name"), KeySecrets.newKey());
  }

  /** Registers a key the operator brings (the demo's MATON_API_KEY). */
  public IssuedKey registerKey(String accountId, String name, String secret) {
    if (secret == null || secret.isBlank()) {
      throw GatewayException.badRequest("an API key must not be empty");
    }
    return issueKey(accountId, name, secret.trim());
  }

  public List<ApiKey> keys(String accountId) {
    account(accountId);
    return repo.keys(accountId);
  }

  public void revokeKey(String keyId) {
    if (!repo.revokeKey(keyId, clock.instant())) {
      throw GatewayException.notFound("No active API key with id " + keyId);
    }
    auth.invalidate();
  }

  private IssuedKey issueKey(String accountId, String name, String secret) {
    ApiKey k = new ApiKey(UUID.randomUUID().toString(), accountId, name, clock.instant(), null);
    repo.insertKey(k, KeySecrets.hash(secret));
    auth.invalidate(); // the key may have been tried before it existed, and that answer cached
    return new IssuedKey(k, secret);
  }

  private static String validName(String name, String field) {
    if (name == null || name.isBlank()) {
      throw GatewayException.badRequest("'" + field + "' is required and must not be empty");
    }
    if (name.length() > 200) {
      throw GatewayException.badRequest("'" + field + "' must be at most 200 characters");
    }
    return name.trim();
  }
}
