package dev.keapgw.app.demo;

import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.feature.ReadinessCheck;
import dev.keapgw.sandbox.Sandbox;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * A started demo: a gateway, the sandbox behind it, the demo account with its key, and its
 * ACTIVE connection. {@link #close} stops both servers (once; later calls do nothing).
 */
public final class RunningDemo implements AutoCloseable {
  /** Where the demo's API key came from. */
  public enum KeySource {
    /** The user's {@code MATON_API_KEY}: never shown, so {@link #apiKey()} is null. */
    MATON_API_KEY,
    /** Made by this start (and kept in the data directory for the next). */
    GENERATED,
    /** Made by an earlier start with the same data directory. */
    KEPT
  }

  private final Gateway gateway;
  private final Sandbox sandbox;
  private final Vertx vertx;
  private final ReadinessCheck readiness;
  private final String gatewayUrl;
  private final String sandboxUrl;
  private final Path dataDir;
  private final DemoAccount.Chosen account;
  private final DemoConnection.Ready connection;
  private boolean closed;

  RunningDemo(
      Gateway gateway,
      Sandbox sandbox,
      Vertx vertx,
      ReadinessCheck readiness,
      String gatewayUrl,
      String sandboxUrl,
      Path dataDir,
      DemoAccount.Chosen account,
      DemoConnection.Ready connection) {
    this.gateway = gateway;
    this.sandbox = sandbox;
    this.vertx = vertx;
    this.readiness = readiness;
    this.gatewayUrl = gatewayUrl;
    this.sandboxUrl = sandboxUrl;
    this.dataDir = dataDir;
    this.account = account;
    this.connection = connection;
  }

  /** Where callers reach the gateway, e.g. {@code http://localhost:8080} (its public URL). */
  public String gatewayUrl() {
    return gatewayUrl;
  }

  /** Where the sandbox answers, e.g. {@code http://127.0.0.1:9090}. */
  public String sandboxUrl() {
    return sandboxUrl;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String accountId() {
    return account.account().id();
  }

  public String accountName() {
    return account.account().name();
  }

  /** The demo's API key when the demo made it; null when the user brought it in {@code MATON_API_KEY}. */
  public String apiKey() {
    return account.source() == KeySource.MATON_API_KEY ? null : account.secret();
  }

  /** The key's public id (as the access log and the admin API show it). */
  public String keyId() {
    return account.keyId();
  }

  public KeySource keySource() {
    return account.source();
  }

  /** Where a generated key is kept between starts. */
  public Path keyFile() {
    return dataDir.resolve(DemoAccount.KEY_FILE);
  }

  /** The ACTIVE connection the demo made. */
  public String connectionId() {
    return connection.id();
  }

  /** The Keap tenant (sandbox account) the connection reaches, e.g. {@code kx101}; null if unknown. */
  public String tenantId() {
    return connection.tenantId();
  }

  /** Whether the admin API is on (an admin token was given). */
  public boolean adminApi() {
    return gateway.services().config().adminToken() != null;
  }

  public Gateway gateway() {
    return gateway;
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    gateway.services().readiness().remove(readiness);
    try {
      gateway.close();
    } finally {
      try {
        sandbox.close();
      } finally {
        Demo.closeVertx(vertx);
      }
    }
  }
}
