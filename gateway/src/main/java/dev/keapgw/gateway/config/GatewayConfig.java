package dev.keapgw.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of a gateway, as one immutable tree. Defaults live in {@link #defaults}; a
 * configuration is made with {@link #builder()} (or changed with {@link #toBuilder()}; the
 * {@code withX} methods are shorthands for changing one setting). {@link #problems} says which
 * settings are wrong and how, typed by {@link Setting}, for a launcher to word with its option
 * names.
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
 * @param tuning sizes and periods of the machinery (pools, caches, timers) that operators rarely change
 * @param triggers how triggers deliver events to their destinations
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
    boolean mcpReadOnly,
    Tuning tuning,
    Triggers triggers) {

  /** Path names that can never be app names: the gateway's own routes. */
  public static final Set<String> RESERVED = Set.of(
      "connections",
      "user",
      "admin",
      "connect",
      "oauth",
      "healthz",
      "readyz",
      "metrics",
      "favicon.ico",
      "static",
      "api",
      "v1",
      "docs",
      "mcp",
      "console",
      "triggers",
      "hooks");

  /**
   * What is wrong with {@code port} as a port to listen on (0: any free one), or null: the one
   * rule the gateway, the demo and the sandbox's launcher word for their port options.
   */
  public static String portProblem(int port) {
    return port < 0 || port > 65535 ? "must be between 0 and 65535, not " + port : null;
  }

  /** The shortest admin token accepted: a short one can be guessed. */
  public static final int MIN_ADMIN_TOKEN_LENGTH = 32;

  /**
   * @param accountPerSecond default requests per second per account
   * @param accountBurst extra requests an account may send at once above its rate
   * @param upstreamQuotaPerMinute requests per minute per upstream OAuth client; 0 for no budget
   * @param upstreamSpikePerSecond requests in any one second per upstream OAuth client (Keap's
   *     spike limit is 25; the default leaves room for network jitter)
   */
  public record Limits(
      int accountPerSecond,
      int accountBurst,
      int upstreamQuotaPerMinute,
      int upstreamSpikePerSecond) {
    /** The default spike allowance: below Keap's 25 a second, so that jitter on the way cannot reach it. */
    public static final int DEFAULT_SPIKE_PER_SECOND = 20;

    /** Limits with the default spike allowance. */
    public Limits(int accountPerSecond, int accountBurst, int upstreamQuotaPerMinute) {
      this(accountPerSecond, accountBurst, upstreamQuotaPerMinute, DEFAULT_SPIKE_PER_SECOND);
    }
  }

  /**
   * @param connect how long to wait for an upstream TCP connection (then 502)
   * @param response how long to wait for the upstream's answer to start (then 504)
   * @param refreshMargin refresh this long before expiry (never more than half the lifetime)
   * @param keepAliveEvery refresh every connection at least this often, so refresh tokens never lapse
   * @param connectSession how long a connect URL and its OAuth state stay valid
   * @param refreshBackoffMax the longest wait between failed refresh attempts
   * @param requestBody how long a caller may take to send a request body, from when the gateway
   *     starts reading it (then 408 and the connection closed): a slow upload must not hold an
   *     upstream connection as long as it likes
   * @param upstreamPoolWait how long a request may wait for a pooled upstream connection when every
   *     one this event loop may open is busy (then 503 with {@code Retry-After})
   */
  public record Timeouts(
      Duration connect,
      Duration response,
      Duration refreshMargin,
      Duration keepAliveEvery,
      Duration connectSession,
      Duration refreshBackoffMax,
      Duration requestBody,
      Duration upstreamPoolWait) {

    /** The same timeouts with another request-body deadline. */
    public Timeouts withRequestBody(Duration d) {
      return new Timeouts(
          connect,
          response,
          refreshMargin,
          keepAliveEvery,
          connectSession,
          refreshBackoffMax,
          d,
          upstreamPoolWait);
    }

    /** The same timeouts with another bound on the wait for a pooled upstream connection. */
    public Timeouts withUpstreamPoolWait(Duration d) {
      return new Timeouts(
          connect,
          response,
          refreshMargin,
          keepAliveEvery,
          connectSession,
          refreshBackoffMax,
          requestBody,
          d);
    }
  }

  /** The settings a {@link Problem} can be about; the launcher names each by its option. */
  public enum Setting {
    HOST,
    PORT,
    PUBLIC_URL,
    ENCRYPTION_KEY,
    APPS,
    CLIENT_ID,
    CLIENT_SECRET,
    DB_URL,
    REDIS_URL,
    ACCOUNT_RATE_LIMIT,
    ACCOUNT_BURST,
    UPSTREAM_QUOTA_PER_MINUTE,
    UPSTREAM_CONNECT_TIMEOUT,
    UPSTREAM_RESPONSE_TIMEOUT,
    ADMIN_TOKEN,
    REQUEST_BODY_TIMEOUT,
    UPSTREAM_POOL_WAIT,
    UPSTREAM_SPIKE_PER_SECOND
  }

  /**
   * One reason a configuration cannot run: the setting, and what is wrong with it and how to
   * fix it, without naming the setting (the launcher does, as its option or variable).
   */
  public record Problem(Setting setting, String problem) {
    /** The problem with the setting named in words, for where there is no option to name (a gateway started in code). */
    @Override
    public String toString() {
      return setting.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + problem;
    }
  }

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
        new Timeouts(
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofMinutes(15),
            Duration.ofHours(24),
            Duration.ofMinutes(30),
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10)),
        Clock.systemUTC(),
        AccessLogTarget.STDOUT,
        false,
        Tuning.defaults(),
        Triggers.defaults());
  }

  /** A builder starting from {@link #defaults()}. */
  public static GatewayConfigBuilder builder() {
    return defaults().toBuilder();
  }

  /** A builder starting from this configuration. */
  public GatewayConfigBuilder toBuilder() {
    return new GatewayConfigBuilder(this);
  }

  /** What makes this configuration unable to run, first found first; empty when it can run. */
  public List<Problem> problems() {
    return ConfigChecks.problems(this);
  }

  /** The OAuth redirect URI registered with every upstream: {@code {publicUrl}/oauth/callback}. */
  public String redirectUri() {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/oauth/callback";
  }

  public GatewayConfig withPort(int p) {
    return toBuilder().port(p).build();
  }

  public GatewayConfig withHost(String h) {
    return toBuilder().host(h).build();
  }

  public GatewayConfig withPublicUrl(URI u) {
    return toBuilder().publicUrl(u).build();
  }

  public GatewayConfig withDataDir(Path d) {
    return toBuilder().dataDir(d).build();
  }

  public GatewayConfig withDbUrl(String u) {
    return toBuilder().dbUrl(u).build();
  }

  public GatewayConfig withRedisUrl(String u) {
    return toBuilder().redisUrl(u).build();
  }

  /** With {@code app} added (or replacing the app of the same name). */
  public GatewayConfig withApp(AppConfig app) {
    return toBuilder().app(app).build();
  }

  public GatewayConfig withAdminToken(String t) {
    return toBuilder().adminToken(t).build();
  }

  public GatewayConfig withKeys(EncryptionKeys k) {
    return toBuilder().keys(k).build();
  }

  public GatewayConfig withLimits(Limits l) {
    return toBuilder().limits(l).build();
  }

  public GatewayConfig withTimeouts(Timeouts t) {
    return toBuilder().timeouts(t).build();
  }

  public GatewayConfig withClock(Clock c) {
    return toBuilder().clock(c).build();
  }

  public GatewayConfig withAccessLog(AccessLogTarget a) {
    return toBuilder().accessLog(a).build();
  }

  public GatewayConfig withMcpReadOnly(boolean r) {
    return toBuilder().mcpReadOnly(r).build();
  }

  public GatewayConfig withTuning(Tuning t) {
    return toBuilder().tuning(t).build();
  }

  /** The same configuration with private trigger destinations allowed or not (see {@link Triggers}). */
  public GatewayConfig withAllowPrivateDestinations(boolean allow) {
    return toBuilder().triggers(triggers.withAllowPrivateDestinations(allow)).build();
  }

  @Override
  public String toString() {
    return "GatewayConfig[" + host + ":" + port + " public=" + publicUrl + " data=" + dataDir
        + " db=" + (dbUrl == null ? "embedded" : "external") + " redis="
        + (redisUrl == null ? "off" : "on")
        + " apps=" + apps.values()
        + " admin=" + (adminToken == null ? "off" : "on") + " limits=" + limits
        + (mcpReadOnly ? " mcp=read-only" : "") + "]";
  }
}
