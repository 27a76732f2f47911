package dev.keapgw.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The gateway's store: a pooled JDBC data source, migrated with Flyway at start, used
 * through Jdbi. Embedded (H2 in a data directory, in PostgreSQL mode so one set of
 * migrations serves both) unless an external JDBC URL is given; an external PostgreSQL is
 * what a cluster of instances shares.
 *
 * <p>PostgreSQL also gets a second, small pool for {@linkplain #lockJdbi() locks} held across
 * an upstream call (a token refresh), so slow upstreams can never take the connections that
 * requests need.
 */
public final class Database implements AutoCloseable {
  /** How many refresh locks one instance holds at most at once (PostgreSQL connections held). */
  public static final int LOCK_POOL_SIZE = 8;

  private static final int POOL_SIZE = 16;

  private final HikariDataSource dataSource;
  private final HikariDataSource lockSource;
  private final Jdbi jdbi;
  private final Jdbi lockJdbi;
  private final boolean embedded;
  private final boolean postgres;
  /** The embedded store's directory; null for an external database. */
  private final Path dataDir;

  private Database(
      HikariDataSource ds,
      HikariDataSource locks,
      boolean embedded,
      boolean postgres,
      Path dataDir) {
    this.dataDir = dataDir;
    this.dataSource = ds;
    this.lockSource = locks;
    this.embedded = embedded;
    this.postgres = postgres;
    this.jdbi = Jdbi.create(ds);
    this.lockJdbi = locks == null ? null : Jdbi.create(locks);
    // Errors name the statement, never its bound values (sealed tokens, key hashes).
    jdbi.getConfig(org.jdbi.v3.core.statement.StatementExceptions.class)
        .setMessageRendering(
            org.jdbi.v3.core.statement.StatementExceptions.MessageRendering.SHORT_STATEMENT);
  }

  /**
   * Opens (creating and migrating as needed) the store.
   *
   * @param dbUrl an external JDBC URL, or null for the embedded store under {@code dataDir}
   */
  public static Database open(String dbUrl, Path dataDir) {
    return open(dbUrl, dataDir, Duration.ofSeconds(65));
  }

  /**
   * @param lockWait how long a refresh may wait for a free lock connection (longer than an
   *     upstream refresh may take, since it waits for refreshes in progress)
   */
  public static Database open(String dbUrl, Path dataDir, Duration lockWait) {
    boolean embedded = dbUrl == null;
    boolean postgres = !embedded && dbUrl.startsWith("jdbc:postgresql:");
    HikariConfig hc = new HikariConfig();
    if (embedded) {
      StoreFailures.requireWritableDirectory(dataDir);
      DataDirectory.prepare(dataDir);
      hc.setJdbcUrl(embeddedUrl(dataDir));
      hc.setUsername("sa");
      hc.setPassword("");
      hc.setMaximumPoolSize(8);
    } else {
      hc.setJdbcUrl(dbUrl);
      hc.setMaximumPoolSize(POOL_SIZE);
    }
    hc.setPoolName("keapgw-store");
    // a request waits this long for the store before it answers 503 store_unavailable
    hc.setConnectionTimeout(3_000);
    hc.setValidationTimeout(1_000);
    hc.setInitializationFailTimeout(-1);
    java.sql.Connection first = embedded ? openFirst(dataDir) : null;
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw StoreFailures.atOpen(e, dbUrl, dataDir);
    } finally {
      closeQuietly(first);
    }
    if (embedded) {
      DataDirectory.restrictFiles(dataDir);
    }
    HikariDataSource locks = null;
    if (postgres) {
      HikariConfig lc = new HikariConfig();
      lc.setJdbcUrl(dbUrl);
      lc.setPoolName("keapgw-locks");
      lc.setMaximumPoolSize(LOCK_POOL_SIZE);
      lc.setMinimumIdle(0);
      lc.setConnectionTimeout(lockWait.toMillis());
      lc.setValidationTimeout(1_000);
      lc.setInitializationFailTimeout(-1);
      locks = new HikariDataSource(lc);
    }
    return new Database(ds, locks, embedded, postgres, embedded ? dataDir : null);
  }

  /**
   * Opens the embedded store once, outside the pool, and waits as long as H2 needs: after a
   * crash it recovers the file first, which on a busy machine takes longer than the pool's
   * 3 s (meant for requests once the store is open). A store another process holds still
   * fails at once. The caller keeps this connection until the pool has opened the store too.
   */
  private static java.sql.Connection openFirst(Path dataDir) {
    try {
      return java.sql.DriverManager.getConnection(embeddedUrl(dataDir), "sa", "");
    } catch (java.sql.SQLException e) {
      throw StoreFailures.atOpen(new IllegalStateException(e.getMessage(), e), null, dataDir);
    }
  }

  private static void closeQuietly(java.sql.Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (java.sql.SQLException e) {
      // the pool holds the store open by now; nothing is lost
    }
  }

  /** The JDBC URL of the embedded store in {@code dataDir}. */
  public static String embeddedUrl(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("gateway");
    // WRITE_DELAY=0: a commit reaches the operating system before it is acknowledged,
    // so an acknowledged write survives the process being killed.
    // TRACE_LEVEL_FILE=0: H2 writes no gateway.trace.db beside the store (failures reach the log
    // instead)
    return "jdbc:h2:file:" + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
        + ";TRACE_LEVEL_FILE=0";
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Connections for locks held across an upstream call; only on PostgreSQL, else null. */
  public Jdbi lockJdbi() {
    return lockJdbi;
  }

  public boolean embedded() {
    return embedded;
  }

  /** Whether this is an external PostgreSQL, which several instances may share. */
  public boolean postgres() {
    return postgres;
  }

  /**
   * Gives the space of deleted and overwritten rows back to the file system: the embedded
   * store (H2's MVStore) only appends while it runs, so without this a file never shrinks
   * until it is closed. Moves live data to the front of the file and cuts the rest, for at most
   * {@code max}; the store stays usable meanwhile. No-op for an external database, which
   * reclaims space itself (PostgreSQL's autovacuum).
   *
   * @return the file's size in bytes after compaction, or -1 for an external database
   */
  public long compact(Duration max) {
    if (!embedded) {
      return -1;
    }
    try (java.sql.Connection c = dataSource.getConnection()) {
      org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal)
          c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
      org.h2.mvstore.db.Store store = session.getDatabase().getStore();
      store.getMvStore().commit();
      store.compactFile((int) Math.min(Integer.MAX_VALUE, max.toMillis()));
      DataDirectory.restrictFiles(dataDir);
      return store.getMvStore().getFileStore().size();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot compact the store", e);
    }
  }

  /**
   * {@link #compact}s the embedded store when less than {@code minFillPercent} of its file
   * holds live data (after many deletes); else does nothing.
   *
   * @return whether it compacted
   */
  public boolean compactIfSparse(int minFillPercent, Duration max) {
    if (!embedded) {
      return false;
    }
    try (java.sql.Connection c = dataSource.getConnection()) {
      org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal)
          c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
      if (session.getDatabase().getStore().getMvStore().getFillRate() >= minFillPercent) {
        return false;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the store's fill rate", e);
    }
    compact(max);
    return true;
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
    if (lockSource != null) {
      lockSource.close();
    }
    dataSource.close();
  }
}
