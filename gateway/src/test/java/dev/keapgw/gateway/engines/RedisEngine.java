package dev.keapgw.gateway.engines;

import dev.keapgw.gateway.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary bundled with embedded-redis) on a free loopback port, for
 * tests. {@link #shared} serves most tests; a test that stops Redis starts its own.
 */
public final class RedisEngine implements AutoCloseable {
  private static RedisEngine shared;

  private final int port;
  private RedisServer server;

  private RedisEngine(int port) {
    this.port = port;
  }

  public static synchronized RedisEngine shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  public static RedisEngine start() {
    RedisEngine e = new RedisEngine(FreePort.find());
    e.startServer();
    return e;
  }

  private void startServer() {
    try {
      server = RedisServer.newRedisServer()
          .bind("127.0.0.1")
          .port(port)
          .setting("save \"\"")
          .setting("appendonly no")
          .onShutdownForceStop(true)
          .build();
      server.start();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot start the embedded Redis", ex);
    }
  }

  /**
   * The server's URL, with a Redis timeout long enough that a busy test machine never makes the
   * gateway fall back to per-instance limits by mistake (outages still fail at once: commands to
   * a disconnected server are rejected, not queued).
   */
  public String url() {
    return "redis://127.0.0.1:" + port + "?timeout=10s";
  }

  public void stop() {
    try {
      if (server != null) {
        server.stop();
        server = null;
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  public void restart() {
    startServer();
  }

  @Override
  public void close() {
    stop();
  }
}
