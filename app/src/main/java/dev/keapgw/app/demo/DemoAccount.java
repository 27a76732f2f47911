package dev.keapgw.app.demo;

import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.account.KeySecrets;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's one account (named {@value #NAME}) and the API key it is used with, both found
 * again on a restart with the same store:
 * <ul>
 *   <li>a key the user brings ({@code MATON_API_KEY}) is registered once and then recognised;
 *   <li>otherwise the demo makes a key and keeps its secret in {@value #KEY_FILE} (owner-only)
 *       beside the store, the one place a key's secret is kept, so that the same key works
 *       after a restart.
 * </ul>
 */
final class DemoAccount {
  static final String NAME = "demo";
  static final String KEY_FILE = "demo-api-key";
  private static final Logger LOG = LoggerFactory.getLogger(DemoAccount.class);

  /** The account and the key to use with it; {@code secret} is the key itself. */
  record Chosen(Account account, String keyId, String secret, RunningDemo.KeySource source) {
    @Override
    public String toString() {
      return "Chosen[account=" + account.id() + " key=" + keyId + " source=" + source + "]";
    }
  }

  private final AccountService accounts;
  private final AccountRepository repo;
  private final Path keyFile;

  DemoAccount(AccountService accounts, AccountRepository repo, Path dataDir) {
    this.accounts = accounts;
    this.repo = repo;
    this.keyFile = dataDir.resolve(KEY_FILE);
  }

  /** The demo account (made if missing) and its key: {@code matonApiKey} when given, else the kept or a new one. */
  Chosen choose(String matonApiKey) {
    Optional<Account> found =
        accounts.accounts().stream().filter(a -> a.name().equals(NAME)).findFirst();
    Account account;
    AccountService.IssuedKey firstKey = null;
    if (found.isPresent()) {
      account = found.get();
    } else {
      AccountService.NewAccount created = accounts.createAccount(NAME);
      account = created.account();
      firstKey = created.key();
      LOG.info("demo account created: {}", account.id());
    }
    if (matonApiKey != null) {
      if (firstKey != null) {
        // the new account's automatic key: nobody will ever know it, so it goes
        accounts.revokeKey(firstKey.key().id());
      }
      return brought(account, matonApiKey);
    }
    if (firstKey == null) {
      Optional<Chosen> kept = kept(account);
      if (kept.isPresent()) {
        return kept.get();
      }
      firstKey = accounts.createKey(account.id(), "demo");
    }
    SecretFiles.write(keyFile, firstKey.secret());
    return new Chosen(
        account, firstKey.key().id(), firstKey.secret(), RunningDemo.KeySource.GENERATED);
  }

  private Chosen brought(Account account, String given) {
    String key = given.trim();
    Optional<AccountRepository.KeyOwner> owner = repo.ownerOf(KeySecrets.hash(key));
    if (owner.isPresent()) {
      if (!owner.get().account().id().equals(account.id())) {
        throw new IllegalStateException("MATON_API_KEY is already a key of another account ('"
            + owner.get().account().name()
            + "') in this data directory; use another value, or another --data-dir");
      }
      return new Chosen(account, owner.get().keyId(), key, RunningDemo.KeySource.MATON_API_KEY);
    }
    AccountService.IssuedKey k;
    try {
      k = accounts.registerKey(account.id(), "MATON_API_KEY", key);
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) {
        // the store keeps revoked keys' hashes, and a revoked key stays revoked
        throw new IllegalStateException(
            "MATON_API_KEY was revoked in this data directory; use another value,"
                + " or another --data-dir");
      }
      throw e;
    }
    LOG.info("MATON_API_KEY registered for the demo account as key {}", k.key().id());
    return new Chosen(account, k.key().id(), key, RunningDemo.KeySource.MATON_API_KEY);
  }

  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private Optional<Chosen> kept(Account account) {
    Optional<String> secret = SecretFiles.read(keyFile).filter(s -> !s.isEmpty());
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    return repo.ownerOf(KeySecrets.hash(secret.get()))
        .filter(o -> o.account().id().equals(account.id()))
        .map(o -> new Chosen(account, o.keyId(), secret.get(), RunningDemo.KeySource.KEPT));
  }
}
