package dev.keapgw.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of a gateway, as one immutable tree. Defaults live in {@link #defaults};
 * {@link #validate} names the setting that is wrong and how to fix it.
 *
 * @param host address to listen on
 * @param port port to listen on (0: a free one)
 * @param publicUrl where browsers reach this gateway: connect URLs and the OAuth redirect URI
 *     are built on it
 * @param dataDir where the embedded store (and, in demo mode, a generated key) live
 * @param dbUrl a JDBC URL of an external database ({@code jdbc:postgresql://...}); null for the
 *     embedded store in dataDir
 * @param redisUrl a Redis URL ({@code redis://host:port}) through which every instance shares rate
 *     limits; null for limits kept in this process
 * @param apps the upstream apps by name
 * @param adminToken the operator's token for {@code /admin}; null disables the admin API
 * @param keys encryption keys for tokens at rest
 * @param limits rate limits
 * @param timeouts upstream timeouts and token lifecycle timings
 * @param clock the clock expiry, backoff and limits follow
 * @param accessLog where the access log goes
 * @param mcpReadOnly the MCP endpoint offers no tool that changes data ({@code --mcp-read-only})
 */
public record GatewayConfig(
    String host,
    int port,
    URI publicUrl,
    Path dataDir,
    String dbUrl,
    String redisUrl,
    Map<String, AppConfig> apps,
    String adminToken,
    EncryptionKeys keys,
    Limits limits,
    Timeouts timeouts,
    Clock clock,
    AccessLogTarget accessLog,
    boolean mcpReadOnly) {

  /** Path names that can never be app names: the gateway's own routes. */
  public static final Set<String> RESERVED = Set.of("connections", "user", "admin", "connect", "oauth",
      "healthz", "readyz", "metrics", "favicon.ico", "static", "api", "v1", "docs", "mcp", "console");

  /**
   * @param accountPerSecond default requests per second per account
   * @param accountBurst extra requests an account may send at once above its rate
   * @param upstreamQuotaPerMinute requests per minute per upstream OAuth client; 0 for no budget
   */
  public record Limits(int accountPerSecond, int accountBurst, int upstreamQuotaPerMinute) {}

  /**
   * @param connect how long to wait for an upstream TCP connection (then 502)
   * @param response how long to wait for the upstream's answer to start (then 504)
   * @param refreshMargin refresh this long before expiry (never more than half the lifetime)
   * @param keepAliveEvery refresh every connection at least this often, so refresh tokens never lapse
   * @param connectSession how long a connect URL and its OAuth state stay valid
   * @param refreshBackoffMax the longest wait between failed refresh attempts
   */
  public record Timeouts(
      Duration connect,
      Duration response,
      Duration refreshMargin,
      Duration keepAliveEvery,
      Duration connectSession,
      Duration refreshBackoffMax) {}

  public static GatewayConfig defaults() {
    return new GatewayConfig(
        "0.0.0.0",
        8080,
        URI.create("http://localhost:8080"),
        Path.of("data"),
        null,
        null,
        Map.of(),
        null,
        null,
        new Limits(10, 20, 1500),
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(15),
            Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofMinutes(10)),
        Clock.systemUTC(),
        AccessLogTarget.STDOUT,
        false);
  }

  /** Problems with this configuration, each naming the setting; empty when it can run. */
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (port < 0 || port > 65535) {
      problems.add("--port must be between 0 and 65535, got " + port);
    }
    if (publicUrl == null || publicUrl.getScheme() == null || publicUrl.getHost() == null) {
      problems.add("--public-url must be an absolute http(s) URL such as http://localhost:8080");
    }
    if (keys == null) {
      problems.add("no encryption key: set --encryption-key (or KEAPGW_ENCRYPTION_KEY) to 32 random bytes"
          + " in base64, e.g. `openssl rand -base64 32`, or to a file holding them");
    }
    if (apps.isEmpty()) {
      problems.add("no upstream app is configured");
    }
    apps.values().forEach(a -> {
      if (a.clientId() == null || a.clientId().isBlank()) {
        problems.add("--client-id is required: the OAuth client id registered with " + a.name());
      }
      if (a.clientSecret() == null || a.clientSecret().isBlank()) {
        problems.add("--client-secret is required: the OAuth client secret registered with " + a.name());
      }
      if (RESERVED.contains(a.name())) {
        problems.add("app name '" + a.name() + "' is reserved");
      }
    });
    if (limits.accountPerSecond() <= 0) {
      problems.add("--account-rate-limit must be at least 1");
    }
    if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
      problems.add("--db-url must be a PostgreSQL JDBC URL such as"
          + " jdbc:postgresql://db.example:5432/keapgw?user=keapgw&password=..., got " + dbUrl.split("\\?")[0]);
    }
    if (redisUrl != null && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
      problems.add("--redis-url must look like redis://host:6379 (or rediss:// for TLS)");
    }
    if (limits.upstreamQuotaPerMinute() < 0) {
      problems.add("--upstream-quota-per-minute must be 0 (no budget) or more");
    }
    return problems;
  }

  /** The OAuth redirect URI registered with every upstream: {@code {publicUrl}/oauth/callback}. */
  public String redirectUri() {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/oauth/callback";
  }

  public GatewayConfig withPort(int p) {
    return new GatewayConfig(host, p, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withHost(String h) {
    return new GatewayConfig(h, port, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withPublicUrl(URI u) {
    return new GatewayConfig(host, port, u, dataDir, dbUrl, redisUrl, apps, adminToken, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withDataDir(Path d) {
    return new GatewayConfig(host, port, publicUrl, d, dbUrl, redisUrl, apps, adminToken, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withDbUrl(String u) {
    return new GatewayConfig(host, port, publicUrl, dataDir, u, redisUrl, apps, adminToken, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withRedisUrl(String u) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, u, apps, adminToken, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withApp(AppConfig app) {
    Map<String, AppConfig> m = new java.util.LinkedHashMap<>(apps);
    m.put(app.name(), app);
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, Map.copyOf(m), adminToken, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withAdminToken(String t) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, apps, t, keys, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withKeys(EncryptionKeys k) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, k, limits, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withLimits(Limits l) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, keys, l, timeouts, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withTimeouts(Timeouts t) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, keys, limits, t, clock, accessLog, mcpReadOnly);
  }

  public GatewayConfig withClock(Clock c) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, keys, limits, timeouts, c, accessLog, mcpReadOnly);
  }

  public GatewayConfig withAccessLog(AccessLogTarget a) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, keys, limits, timeouts, clock, a, mcpReadOnly);
  }

  public GatewayConfig withMcpReadOnly(boolean r) {
    return new GatewayConfig(host, port, publicUrl, dataDir, dbUrl, redisUrl, apps, adminToken, keys, limits, timeouts, clock, accessLog, r);
  }

  @Override
  public String toString() {
    return "GatewayConfig[" + host + ":" + port + " public=" + publicUrl + " data=" + dataDir
        + " db=" + (dbUrl == null ? "embedded" : "external") + " redis=" + (redisUrl == null ? "off" : "on")
        + " apps=" + apps.values()
        + " admin=" + (adminToken == null ? "off" : "on") + " limits=" + limits + (mcpReadOnly ? " mcp=read-only" : "") + "]";
  }
}
