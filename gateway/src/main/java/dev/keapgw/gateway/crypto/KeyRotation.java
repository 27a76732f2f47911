package dev.keapgw.gateway.crypto;

import dev.keapgw.gateway.config.EncryptionKeys;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every stored secret with the primary key, so that an old key can then be removed
 * from the configuration. The secrets are the connections' access, refresh and connect-session
 * tokens and the trigger destinations' signing secrets. Each value is replaced only if it is
 * still the one that was read (compare and set), so a refresh, reconnect or secret rotation
 * running at the same time is never undone; run it again to pick up what such a race skipped.
 * Safe to run at any time, on any instance, any number of times.
 */
public final class KeyRotation {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);
  /** A sealed column: its table (keyed by {@code id}) and the associated data a row's value is bound with. */
  private record SealedColumn(String table, String column, UnaryOperator<String> associatedData) {}

  /** Every sealed column in the store: a new one must be added here, or rotation leaves it on the old key. */
  private static final List<SealedColumn> COLUMNS = List.of(
      new SealedColumn(
          "connections", "access_token_enc", id -> SecretBox.connectionColumn(id, "access")),
      new SealedColumn(
          "connections", "refresh_token_enc", id -> SecretBox.connectionColumn(id, "refresh")),
      new SealedColumn(
          "connections", "session_token_enc", id -> SecretBox.connectionColumn(id, "session")),
      new SealedColumn("trigger_destinations", "secret_enc", SecretBox::destinationSecret));

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
    for (SealedColumn column : COLUMNS) {
      // a sealed value starts "v1.<key id>.": its first 12 characters name the key
      jdbi.useHandle(h -> h.createQuery("SELECT DISTINCT LEFT(" + column.column() + ", 12) FROM "
              + column.table() + " WHERE " + column.column() + " IS NOT NULL")
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
    for (SealedColumn column : COLUMNS) {
      rotateColumn(column, counts);
    }
    Result r = new Result(counts[0], counts[1], counts[2], counts[3]);
    LOG.info(
        "key rotation to primary key {}: {} secret(s) re-encrypted, {} already sealed with it, {} unreadable"
            + " (a connection's: reconnect it; a destination's: rotate its secret), {} changed meanwhile (run it again)",
        keys.primaryId(),
        r.reencrypted(),
        r.alreadyPrimary(),
        r.unreadable(),
        r.skipped());
    return r;
  }

  private void rotateColumn(SealedColumn sealedColumn, int[] counts) {
    String table = sealedColumn.table();
    String column = sealedColumn.column();
    String after = "";
    while (true) {
      record Row(String id, String sealed) {}
      String from = after;
      List<Row> rows =
          jdbi.withHandle(h -> h.createQuery("SELECT id, " + column + " AS sealed FROM " + table
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
        String aad = sealedColumn.associatedData().apply(row.id());
        String plain;
        try {
          plain = box.open(row.sealed(), aad);
        } catch (SecretBox.CryptoException e) {
          LOG.warn(
              "{} {}: its {} cannot be decrypted ({}); left as it is",
              table,
              row.id(),
              column,
              e.getMessage());
          counts[2]++;
          continue;
        }
        String resealed = box.seal(plain, aad);
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE " + table + " SET " + column + " = :new"
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
