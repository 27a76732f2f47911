package dev.keapgw.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.engines.StoreEngine;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema migrations apply on both engines, to an empty database and to one made by the
 * previous release (V1 only), keeping its data.
 */
@Tag("unit")
class MigrationsTest {
  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void applyToAnEmptyDatabase(StoreEngine engine) {
    StoreEngine.Fresh fresh = engine.fresh();
    try (Database db = fresh.open()) {
      // every migration there is, in order (each workstream adds its own: V4 triggers, V5 console,
      // V6 the MCP flag)
      assertThat(applied(fresh)).startsWith("1", "2").contains("4", "5", "6");
      assertThat(flyway(fresh).load().info().pending()).isEmpty();
      assertThat(new Leases(db.jdbi())
              .tryAcquire("hook-keeper", "me", StoreContract.T0, java.time.Duration.ofMinutes(1)))
          .isTrue();
      assertThat(new Leases(db.jdbi())
              .tryAcquire(
                  "keep-alive-sweeper", "me", StoreContract.T0, java.time.Duration.ofMinutes(1)))
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void upgradeADatabaseOfThePreviousReleaseKeepingItsData(StoreEngine engine) {
    StoreEngine.Fresh fresh = engine.fresh();
    Flyway v1 = flyway(fresh).target("1").load();
    v1.migrate();
    assertThat(applied(fresh)).containsExactly("1");
    // what the previous release wrote: an account, a key and an ACTIVE connection with tokens
    (engine == StoreEngine.EMBEDDED
            ? org.jdbi.v3.core.Jdbi.create(fresh.jdbcUrl(), "sa", "")
            : org.jdbi.v3.core.Jdbi.create(fresh.jdbcUrl()))
        .useHandle(h -> {
          h.execute(
              "INSERT INTO accounts (id, name, rate_limit_per_second, created_at) VALUES ('a1', 'old', 5, 1)");
          h.execute(
              "INSERT INTO api_keys (id, account_id, name, key_hash, created_at) VALUES ('k1', 'a1', NULL, 'h1', 2)");
          h.execute(
              "INSERT INTO connections (id, account_id, app, status, created_at, updated_at, metadata,"
                  + " access_token_enc, access_expires_at, refresh_token_enc, refreshed_at, token_version)"
                  + " VALUES ('c1', 'a1', 'keap', 'ACTIVE', 3, 4, '{}', 'v1.k.a', 5, 'v1.k.r', 4, 3)");
        });
    try (Database db = fresh.open()) {
      assertThat(applied(fresh)).startsWith("1", "2").contains("4", "5", "6");
      assertThat(flyway(fresh).load().info().pending()).isEmpty();
      Connection c = new ConnectionRepository(db.jdbi()).byId("c1").orElseThrow();
      assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
      assertThat(c.refreshTokenSealed()).isEqualTo("v1.k.r");
      assertThat(c.tokenVersion()).isEqualTo(3);
      var owner = new dev.keapgw.gateway.account.AccountRepository(db.jdbi()).ownerOf("h1");
      assertThat(owner).isPresent();
      assertThat(owner.get().account().mcpReadOnly())
          .as("an account from before V6 keeps full MCP access")
          .isFalse();
      Long marker = db.jdbi()
          .withHandle(
              h -> h.createQuery("SELECT refresh_started_at FROM connections WHERE id = 'c1'")
                  .mapTo(Long.class)
                  .one());
      assertThat(marker).as("no refresh in flight after the upgrade").isNull();
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      StoreEngine.Fresh fresh) {
    String user = fresh.dbUrl() == null ? "sa" : null;
    return Flyway.configure()
        .dataSource(fresh.jdbcUrl(), user, user == null ? null : "")
        .locations("classpath:db/migration");
  }

  private static List<String> applied(StoreEngine.Fresh fresh) {
    return java.util.Arrays.stream(flyway(fresh).load().info().applied())
        .map(MigrationInfo::getVersion)
        .map(Object::toString)
        .toList();
  }
}
