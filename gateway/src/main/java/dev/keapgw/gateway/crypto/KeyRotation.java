package dev.keapgw.gateway.crypto;

import dev.keapgw.gateway.config.EncryptionKeys;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every stored secret with the primary key, so that an old key can then be removed
 * from the configuration. The secrets are the connections' access, refresh and connect-session
 * tokens. Each value is replaced only if it is still the one that was read (compare and set),
 * so a refresh or reconnect running at the same time is never undone; run it again to pick up
 * what such a race skipped. Safe to run at any time, on any instance, any number of times.
 */
public final class KeyRotation {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);
  /** The sealed columns of {@code connections} and the associated-data suffix each is bound with. */
  private static final List<String[]> COLUMNS = List.of(
      new String[] {"access_token_enc", "access"},
      new String[] {"refresh_token_enc", "refresh"},
      new String[] {"session_token_enc", "session"});

  private static final int BATCH = 500;

  /**
   * What a pass did.
   *
   * @param reencrypted values re-encrypted with the primary key
   * @param alreadyPrimary values that were already sealed with it
   * @param unreadable values sealed with a key that is not configured (or damaged): left as they
   *     are; a connection with such tokens needs to be reconnected
   * @param skipped values that changed while the pass ran (already written with the primary)
   */
  public record Result(int reencrypted, int alreadyPrimary, int unreadable, int skipped) {
    /** Whether no stored secret needs a key other than the primary any more. */
    public boolean complete() {
      return unreadable == 0 && skipped == 0;
    }
  }

  private final Jdbi jdbi;
  private final SecretBox box;
  private final EncryptionKeys keys;

  public KeyRotation(Jdbi jdbi, SecretBox box, EncryptionKeys keys) {
    this.jdbi = jdbi;
    this.box = box;
    this.keys = keys;
  }

  /**
   * The ids of the keys the stored secrets are sealed with (every one of them must be
   * configured for the store to be readable). Blocking; reads each sealed column once.
   */
  public java.util.Set<String> keyIdsInUse() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (String[] column : COLUMNS) {
      // a sealed value starts "v1.<key id>.": its first 12 characters name the key
      jdbi.useHandle(h -> h.createQuery("SELECT DISTINCT LEFT(" + column[0]
              + ", 12) FROM connections WHERE " + column[0] + " IS NOT NULL")
          .mapTo(String.class)
          .forEach(prefix -> {
            String id = SecretBox.keyIdOf(prefix);
            if (id != null && !id.isEmpty()) {
              ids.add(id);
            }
          }));
    }
    return ids;
  }

  /** The ids in {@link #keyIdsInUse()} that are not configured: the store cannot be read without them. */
  public java.util.Set<String> missingKeyIds() {
    java.util.Set<String> missing = new java.util.TreeSet<>(keyIdsInUse());
    missing.removeAll(keys.ids());
    return missing;
  }

  /** Re-encrypts every secret not sealed with the primary key. Blocking. */
  public Result reencryptAll() {
    int[] counts = new int[4];
    for (String[] column : COLUMNS) {
      rotateColumn(column[0], column[1], counts);
    }
    Result r = new Result(counts[0], counts[1], counts[2], counts[3]);
    LOG.info(
        "key rotation to primary key {}: {} secret(s) re-encrypted, {} already sealed with it, {} unreadable"
            + " (their connections need reconnecting), {} changed meanwhile (run it again)",
        keys.primaryId(),
        r.reencrypted(),
        r.alreadyPrimary(),
        r.unreadable(),
        r.skipped());
    return r;
  }

  private void rotateColumn(String column, String suffix, int[] counts) {
    String after = "";
    while (true) {
      record Row(String id, String sealed) {}
      String from = after;
      List<Row> rows =
          jdbi.withHandle(h -> h.createQuery("SELECT id, " + column + " AS sealed FROM connections"
                  + " WHERE " + column + " IS NOT NULL AND id > :after ORDER BY id LIMIT " + BATCH)
              .bind("after", from)
              .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("sealed")))
              .list());
      if (rows.isEmpty()) {
        return;
      }
      for (Row row : rows) {
        if (keys.primaryId().equals(SecretBox.keyIdOf(row.sealed()))) {
          counts[1]++;
          continue;
        }
        String aad = SecretBox.connectionColumn(row.id(), suffix);
        String plain;
        try {
          plain = box.open(row.sealed(), aad);
        } catch (SecretBox.CryptoException e) {
          LOG.warn(
              "connection {}: its {} cannot be decrypted ({}); left as it is",
              row.id(),
              suffix,
              e.getMessage());
          counts[2]++;
          continue;
        }
        String resealed = box.seal(plain, aad);
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE connections SET " + column + " = :new"
                + " WHERE id = :id AND " + column + " = :old")
            .bind("new", resealed)
            .bind("id", row.id())
            .bind("old", row.sealed())
            .execute());
        counts[n == 1 ? 0 : 3]++;
      }
      after = rows.get(rows.size() - 1).id();
    }
  }
}
