package dev.keapgw.gateway.config;

import dev.keapgw.gateway.config.GatewayConfig.Limits;
import dev.keapgw.gateway.config.GatewayConfig.Timeouts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Makes a configuration one setting at a time; {@link #build} checks nothing ({@link GatewayConfig#problems} does). */
public final class GatewayConfigBuilder {
  private String host;
  private int port;
  private URI publicUrl;
  private Path dataDir;
  private String dbUrl;
  private String redisUrl;
  private final Map<String, AppConfig> apps = new LinkedHashMap<>();
  private String adminToken;
  private EncryptionKeys keys;
  private Limits limits;
  private Timeouts timeouts;
  private Clock clock;
  private AccessLogTarget accessLog;
  private boolean mcpReadOnly;
  private Tuning tuning;
  private Triggers triggers;

  GatewayConfigBuilder(GatewayConfig c) {
    host = c.host();
    port = c.port();
    publicUrl = c.publicUrl();
    dataDir = c.dataDir();
    dbUrl = c.dbUrl();
    redisUrl = c.redisUrl();
    apps.putAll(c.apps());
    adminToken = c.adminToken();
    keys = c.keys();
    limits = c.limits();
    timeouts = c.timeouts();
    clock = c.clock();
    accessLog = c.accessLog();
    mcpReadOnly = c.mcpReadOnly();
    tuning = c.tuning();
    triggers = c.triggers();
  }

  public GatewayConfigBuilder host(String h) {
    host = h;
    return this;
  }

  public GatewayConfigBuilder port(int p) {
    port = p;
    return this;
  }

  public GatewayConfigBuilder publicUrl(URI u) {
    publicUrl = u;
    return this;
  }

  public GatewayConfigBuilder dataDir(Path d) {
    dataDir = d;
    return this;
  }

  /** A JDBC URL of an external store; null for the embedded one. */
  public GatewayConfigBuilder dbUrl(String u) {
    dbUrl = u;
    return this;
  }

  /** A Redis URL for rate limits shared by a cluster; null for limits kept in this process. */
  public GatewayConfigBuilder redisUrl(String u) {
    redisUrl = u;
    return this;
  }

  /** Adds {@code app}, or replaces the app of the same name. */
  public GatewayConfigBuilder app(AppConfig app) {
    apps.put(app.name(), app);
    return this;
  }

  /** The operator's token for {@code /admin}; null turns the admin API off. */
  public GatewayConfigBuilder adminToken(String t) {
    adminToken = t;
    return this;
  }

  public GatewayConfigBuilder keys(EncryptionKeys k) {
    keys = k;
    return this;
  }

  public GatewayConfigBuilder limits(Limits l) {
    limits = l;
    return this;
  }

  public GatewayConfigBuilder timeouts(Timeouts t) {
    timeouts = t;
    return this;
  }

  public GatewayConfigBuilder clock(Clock c) {
    clock = c;
    return this;
  }

  public GatewayConfigBuilder accessLog(AccessLogTarget a) {
    accessLog = a;
    return this;
  }

  /** Whether the MCP endpoint offers only tools that change no data. */
  public GatewayConfigBuilder mcpReadOnly(boolean r) {
    mcpReadOnly = r;
    return this;
  }

  public GatewayConfigBuilder tuning(Tuning t) {
    tuning = t;
    return this;
  }

  public GatewayConfigBuilder triggers(Triggers t) {
    triggers = t;
    return this;
  }

  public GatewayConfig build() {
    return new GatewayConfig(
        host,
        port,
        publicUrl,
        dataDir,
        dbUrl,
        redisUrl,
        Map.copyOf(apps),
        adminToken,
        keys,
        limits,
        timeouts,
        clock,
        accessLog,
        mcpReadOnly,
        tuning,
        triggers);
  }
}
