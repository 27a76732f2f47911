package dev.keapgw.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The gateway's store: a pooled JDBC data source, migrated with Flyway at start, used
 * through Jdbi. Embedded (H2 in a data directory, in PostgreSQL mode so one set of
 * migrations serves both) unless an external JDBC URL is given.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final boolean embedded;

  private Database(HikariDataSource ds, boolean embedded) {
    this.dataSource = ds;
    this.embedded = embedded;
    this.jdbi = Jdbi.create(ds);
    // Errors name the statement, never its bound values (sealed tokens, key hashes).
    jdbi.getConfig(org.jdbi.v3.core.statement.StatementExceptions.class)
        .setMessageRendering(org.jdbi.v3.core.statement.StatementExceptions.MessageRendering.SHORT_STATEMENT);
  }

  /**
   * Opens (creating and migrating as needed) the store.
   *
   * @param dbUrl an external JDBC URL, or null for the embedded store under {@code dataDir}
   */
  public static Database open(String dbUrl, Path dataDir) {
    HikariConfig hc = new HikariConfig();
    boolean embedded = dbUrl == null;
    if (embedded) {
      Path file = dataDir.toAbsolutePath().resolve("gateway");
      // WRITE_DELAY=0: a commit reaches the operating system before it is acknowledged,
      // so an acknowledged write survives the process being killed.
      hc.setJdbcUrl("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
      hc.setUsername("sa");
      hc.setPassword("");
      hc.setMaximumPoolSize(8);
    } else {
      hc.setJdbcUrl(dbUrl);
      hc.setMaximumPoolSize(16);
    }
    hc.setPoolName("keapgw-store");
    hc.setConnectionTimeout(5_000);
    hc.setInitializationFailTimeout(-1);
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new IllegalStateException("cannot open or migrate the store: " + rootMessage(e), e);
    }
    return new Database(ds, embedded);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public boolean embedded() {
    return embedded;
  }

  /** Whether the store answers a trivial query now (for {@code /readyz}). */
  public boolean reachable() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }
}
