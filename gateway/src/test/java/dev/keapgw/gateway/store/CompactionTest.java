package dev.keapgw.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pen-test findings 1 and 9 for the embedded store: space of deleted rows is given back to the
 * file system while the store runs, and the store's directory and files are the owner's only.
 */
@Tag("unit")
class CompactionTest {
  @TempDir
  Path tmp;

  @Test
  void deletedConnectionsGiveTheirSpaceBack() throws Exception {
    Path dir = tmp.resolve("store");
    try (Database db = Database.open(null, dir)) {
      AccountRepository accounts = new AccountRepository(db.jdbi());
      ConnectionRepository connections = new ConnectionRepository(db.jdbi());
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      Account a = new Account(UUID.randomUUID().toString(), "big", null, t, false);
      accounts.insertAccount(a);
      String marker = "sealed-marker-" + UUID.randomUUID();
      String filler = "x".repeat(40_000);
      for (int i = 0; i < 120; i++) {
        String id = UUID.randomUUID().toString();
        connections.insert(
            new Connection(
                id,
                a.id(),
                "keap",
                ConnectionStatus.PENDING,
                t,
                t,
                "{\"filler\":\"" + filler + "\"}",
                null,
                marker + i,
                t.plusSeconds(60),
                null,
                null,
                null,
                null,
                0,
                null,
                0),
            "hash-" + id);
      }
      long full = Files.size(dir.resolve("gateway.mv.db"));
      assertThat(full).isGreaterThan(4_000_000);
      connections.list(a.id(), null, null).forEach(c -> connections.delete(a.id(), c.id()));

      long t0 = System.nanoTime();
      long after = db.compact(Duration.ofSeconds(3));
      System.out.printf(
          "compaction: %d -> %d bytes in %d ms%n",
          full, after, (System.nanoTime() - t0) / 1_000_000);
      assertThat(after).isEqualTo(Files.size(dir.resolve("gateway.mv.db")));
      assertThat(after).as("bytes after deleting everything, of %s", full).isLessThan(full / 2);
      assertThat(accounts.account(a.id())).isPresent();
    }
  }

  @Test
  void theStoreIsTheOwnersOnly() throws Exception {
    Path dir = tmp.resolve("a/b/data");
    try (Database db = Database.open(null, dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("gateway.mv.db"))))
          .isEqualTo("rw-------");
    }
    // an existing store whose file became readable by others is made private again when opened
    Files.setPosixFilePermissions(
        dir.resolve("gateway.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    try (Database db = Database.open(null, dir)) {
      assertThat(PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("gateway.mv.db"))))
          .isEqualTo("rw-------");
    }
  }
}
