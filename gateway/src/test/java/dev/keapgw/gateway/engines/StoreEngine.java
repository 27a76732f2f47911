package dev.keapgw.gateway.engines;

import dev.keapgw.gateway.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The engines the store runs on, for tests that must behave the same on both: each {@link
 * #fresh} call gives an empty store of its own.
 */
public enum StoreEngine {
  EMBEDDED {
    @Override
    public Fresh fresh() {
      Path dir = tempDir();
      return new Fresh(null, dir, Database.embeddedUrl(dir));
    }
  },
  POSTGRESQL {
    @Override
    public Fresh fresh() {
      String url = PostgresEngine.shared().newDatabase();
      return new Fresh(url, tempDir(), url);
    }
  };

  /**
   * An empty store.
   *
   * @param dbUrl what the gateway is configured with (null: the embedded store in dataDir)
   * @param jdbcUrl the JDBC URL it ends up using
   */
  public record Fresh(String dbUrl, Path dataDir, String jdbcUrl) {
    public Database open() {
      return Database.open(dbUrl, dataDir);
    }
  }

  public abstract Fresh fresh();

  /** A migrated, empty store. */
  public Database open() {
    return fresh().open();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("keapgw-store");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
