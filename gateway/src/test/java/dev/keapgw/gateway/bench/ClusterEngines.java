package dev.keapgw.gateway.bench;

import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.gateway.engines.RedisEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Starts a real PostgreSQL and a real Redis (the embedded engines the cluster tests use),
 * creates one empty database, writes {@code db-url=...} and {@code redis-url=...} lines to the
 * given file and runs until killed, stopping both engines on the way out. Used by
 * bench/cluster.sh, so that the benchmark needs nothing installed.
 *
 * <p>Argument: the file to write the URLs to.
 */
public final class ClusterEngines {
  public static void main(String[] args) throws Exception {
    PostgresEngine pg = PostgresEngine.start();
    RedisEngine redis = RedisEngine.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      redis.close();
      pg.close();
    }));
    String db = pg.newDatabase();
    Path out = Path.of(args[0]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(tmp, "db-url=" + db + "\nredis-url=" + redis.url() + "\n");
    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("engines ready: PostgreSQL on port " + pg.port());
    Thread.currentThread().join();
  }
}
