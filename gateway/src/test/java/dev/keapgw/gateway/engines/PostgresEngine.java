package dev.keapgw.gateway.engines;

import dev.keapgw.gateway.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (embedded binaries) on a free loopback port, for tests. One shared
 * server serves most tests, each in its own fresh database ({@link #newDatabase}); a test that
 * stops the server starts its own with {@link #start}.
 */
public final class PostgresEngine implements AutoCloseable {
  private static PostgresEngine shared;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final int port;
  private final Path dataDir;
  private EmbeddedPostgres server;

  private PostgresEngine(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  /** The server shared by the tests of this JVM, started on first use and stopped at exit. */
  public static synchronized PostgresEngine shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** A server of its own on a free port, with a fresh data directory. */
  public static PostgresEngine start() {
    try {
      PostgresEngine e =
          new PostgresEngine(FreePort.find(), Files.createTempDirectory("keapgw-pg"));
      e.startServer();
      return e;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private void startServer() {
    try {
      server = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(30))
          .setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off")
          .start();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", ex);
    }
  }

  /** Creates an empty database and answers its JDBC URL (with credentials). */
  public String newDatabase() {
    String name = "keapgw_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot create database " + name, ex);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database
        + "?user=postgres&password=postgres";
  }

  public int port() {
    return port;
  }

  /** Stops the server, keeping its data directory (see {@link #restart}). */
  public void stop() {
    try {
      if (server != null) {
        server.close();
        server = null;
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Starts the stopped server again on the same port and data directory. */
  public void restart() {
    startServer();
  }

  @Override
  public void close() {
    stop();
  }
}
