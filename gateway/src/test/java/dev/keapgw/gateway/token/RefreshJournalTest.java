package dev.keapgw.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.engines.StoreEngine;
import dev.keapgw.gateway.store.Database;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The refresh-in-flight record behaves the same on both engines. */
@Tag("unit")
class RefreshJournalTest {
  static final Instant T0 = Instant.parse("2026-05-01T08:00:00.000001Z");

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void aRecordNamesTheTokenVersionBeingSpentUntilTheOutcomeClearsIt(StoreEngine engine) {
    try (Database db = engine.open()) {
      ConnectionRepository repo = new ConnectionRepository(db.jdbi());
      String account = UUID.randomUUID().toString();
      String id = UUID.randomUUID().toString();
      db.jdbi()
          .useHandle(h ->
              h.execute("INSERT INTO accounts (id, name, created_at) VALUES (?, 'j', 0)", account));
      repo.insert(
          new Connection(
              id,
              account,
              "keap",
              ConnectionStatus.PENDING,
              T0,
              T0,
              "{}",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0,
              null,
              0),
          null);
      repo.activate(id, "{}", "a", T0.plusSeconds(60), "r", T0);
      long v = repo.byId(id).orElseThrow().tokenVersion();
      RefreshJournal journal = new RefreshJournal(db.jdbi());
      assertThat(journal.unfinished(id, v)).isEmpty();

      journal.begin(id, v, T0.plusSeconds(30));
      assertThat(journal.unfinished(id, v))
          .contains(new RefreshJournal.Started(T0.plusSeconds(30), v));
      assertThat(journal.unfinished(id, v + 1))
          .as("a record about older tokens does not count")
          .isEmpty();

      db.jdbi().useTransaction(h -> {
        ConnectionRepository.storeRefreshed(
            h, id, "a2", T0.plusSeconds(90), "r2", T0.plusSeconds(31));
        RefreshJournal.finish(h, id);
      });
      assertThat(journal.unfinished(id, v)).isEmpty();
      assertThat(journal.unfinished(id, v + 1)).isEmpty();
    }
  }
}
