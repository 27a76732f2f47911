package dev.keapgw.app;

import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.StartFailure;
import dev.keapgw.gateway.http.ListenFailure;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.config.GatewayConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keap-gateway serve}: the gateway in front of real Keap (or any upstream), until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = Main.Version.class,
    description = {"Runs the gateway in front of Keap (or another upstream with Keap's API).",
        "It needs an OAuth client registered with Keap (--client-id, --client-secret;",
        "redirect URI <public url>/oauth/callback) and an encryption key for the",
        "tokens it keeps. Every option can also be set as an environment variable",
        "KEAPGW_<NAME> (KEAPGW_CLIENT_SECRET, KEAPGW_ENCRYPTION_KEY, ...); flags win",
        "over the environment."})
final class ServeCommand implements Callable<Integer> {
  static final String ENV_PREFIX = "KEAPGW_";

  @Spec CommandSpec spec;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--public-url", paramLabel = "<url>",
      description = "Where browsers reach the gateway; connect links and the OAuth redirect URI are built on it"
          + " (default: http://localhost:<port>).")
  String publicUrl;

  @Option(names = "--client-id", paramLabel = "<id>",
      description = "The OAuth client id of your app registered with Keap.")
  String clientId;

  // Secrets carry no ${DEFAULT-VALUE}: help would show a value taken from the environment.
  @Option(names = "--client-secret", paramLabel = "<secret>", description = "That OAuth client's secret.")
  String clientSecret;

  @Option(names = "--encryption-key", paramLabel = "<key or file>",
      description = "32 random bytes in base64 (openssl rand -base64 32), or a file holding them; tokens are"
          + " encrypted with it. Required.")
  String encryptionKey;

  @Option(names = "--old-encryption-keys", paramLabel = "<keys>",
      description = "Older keys, comma-separated, kept only to read tokens sealed before a key rotation.")
  String oldEncryptionKeys;

  @Option(names = "--admin-token", paramLabel = "<token>",
      description = "Turns the admin API on, for this token (default: off).")
  String adminToken;

  @Option(names = "--data-dir", paramLabel = "<dir>",
      description = "Where the embedded store lives (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--db-url", paramLabel = "<jdbc url>",
      description = "A PostgreSQL JDBC URL: the store several instances share, instead of the embedded one"
          + " (default: none).")
  String dbUrl;

  @Option(names = "--redis-url", paramLabel = "<url>",
      description = "A Redis URL through which several instances share their rate limits (default: none, in process).")
  String redisUrl;

  @Option(names = "--upstream-url", paramLabel = "<url>",
      description = "Where /keap/... is forwarded (default: ${DEFAULT-VALUE}).")
  String upstreamUrl;

  @Option(names = "--authorize-url", paramLabel = "<url>",
      description = "The upstream's OAuth authorize page (default: ${DEFAULT-VALUE}).")
  String authorizeUrl;

  @Option(names = "--token-url", paramLabel = "<url>",
      description = "The upstream's OAuth token endpoint (default: ${DEFAULT-VALUE}).")
  String tokenUrl;

  @Option(names = "--account-rate-limit", paramLabel = "<per second>",
      description = "Requests per second per account, unless the admin API sets another (default: ${DEFAULT-VALUE}).")
  int accountRateLimit;

  @Option(names = "--upstream-quota-per-minute", paramLabel = "<n>",
      description = "Requests per minute to the upstream across all accounts, under Keap's quota; 0 for no"
          + " budget (default: ${DEFAULT-VALUE}).")
  int upstreamQuotaPerMinute;

  @Option(names = "--access-log", paramLabel = "<stdout|off|file>",
      description = "Where the access log goes, one line per data-plane request, written every 0.1 s:"
          + " stdout, off, or a file to append to (default: ${DEFAULT-VALUE}).")
  String accessLog;

  @Option(names = "--mcp-read-only",
      description = "The MCP endpoint (/mcp) offers only tools that read: no Keap writes, no connection changes.")
  boolean mcpReadOnly;

  private final Lifetime<Gateway> lifetime;

  ServeCommand(Lifetime<Gateway> lifetime) {
    this.lifetime = lifetime;
  }

  /** Built-in defaults by option, all taken from {@link GatewayConfig#defaults()} and {@link AppConfig#keap}. */
  static Map<String, String> builtInDefaults() {
    GatewayConfig d = GatewayConfig.defaults();
    AppConfig keap = AppConfig.keap(null, null);
    Map<String, String> m = new LinkedHashMap<>();
    m.put("--host", d.host());
    m.put("--port", Integer.toString(d.port()));
    m.put("--data-dir", d.dataDir().toString());
    m.put("--upstream-url", keap.upstreamUrl().toString());
    m.put("--authorize-url", keap.authorizeUrl().toString());
    m.put("--token-url", keap.tokenUrl().toString());
    m.put("--account-rate-limit", Integer.toString(d.limits().accountPerSecond()));
    m.put("--upstream-quota-per-minute", Integer.toString(d.limits().upstreamQuotaPerMinute()));
    m.put("--access-log", d.accessLog().toString());
    m.put("--mcp-read-only", Boolean.toString(d.mcpReadOnly()));
    return m;
  }

  @Override
  public Integer call() throws InterruptedException {
    GatewayConfig config = config();
    lifetime.beforeStart();
    Gateway gateway;
    try {
      gateway = Gateway.start(config);
    } catch (StartFailure e) {
      throw new CommandFailure(StartProblems.forServe(e.problem()));
    } catch (ListenFailure e) {
      throw new CommandFailure(StartProblems.forListen(e.host(), e.port(), e.getCause(), "--port"));
    }
    try {
      ServeBanner.print(gateway, spec.commandLine().getOut());
      lifetime.run(gateway);
    } finally {
      gateway.close();
    }
    lifetime.stopped(spec.commandLine().getOut());
    return 0;
  }

  /** The options as a gateway configuration; anything wrong is a usage error naming its option. */
  GatewayConfig config() {
    require(!host.isBlank(), "--host", "must not be blank");
    require(port >= 1 && port <= 65535, "--port", "must be between 1 and 65535, not " + port);
    if (encryptionKey == null) {
      throw new ParameterException(spec.commandLine(), "Missing option '--encryption-key': the gateway keeps tokens"
          + " encrypted and will not start without a key. Set --encryption-key (or KEAPGW_ENCRYPTION_KEY) to 32"
          + " random bytes in base64, or to a file holding them; " + EncryptionKeyOption.HOW_TO_MAKE);
    }
    EncryptionKeys keys;
    try {
      keys = EncryptionKeyOption.read(encryptionKey, oldEncryptionKeys);
    } catch (EncryptionKeyOption.Problem e) {
      throw invalid(e.option, e.getMessage());
    }
    require(adminToken == null || !adminToken.isBlank(), "--admin-token", "must not be blank");
    GatewayConfig d = GatewayConfig.defaults();
    AppConfig app = AppConfig.keap(clientId == null ? null : clientId.trim(), clientSecret)
        .at(url("--upstream-url", upstreamUrl), url("--authorize-url", authorizeUrl), url("--token-url", tokenUrl));
    GatewayConfig c = d.withHost(host.trim()).withPort(port)
        .withPublicUrl(publicUrl == null ? URI.create("http://localhost:" + port) : url("--public-url", publicUrl))
        .withDataDir(dataDir).withDbUrl(dbUrl).withRedisUrl(redisUrl).withAdminToken(adminToken).withKeys(keys)
        .withApp(app)
        .withLimits(new GatewayConfig.Limits(accountRateLimit, d.limits().accountBurst(), upstreamQuotaPerMinute))
        .withAccessLog(AccessLogTarget.parse(accessLog))
        .withMcpReadOnly(mcpReadOnly);
    List<String> problems = c.validate();
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", problems));
    }
    return c;
  }

  private URI url(String option, String value) {
    URI u;
    try {
      u = new URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      throw invalid(option, "'" + value + "' is not a URL");
    }
    require(u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())),
        option, "'" + value + "' is not an absolute http or https URL");
    return u;
  }

  private void require(boolean ok, String option, String problem) {
    if (!ok) {
      throw invalid(option, problem);
    }
  }

  private ParameterException invalid(String option, String problem) {
    return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem,
        spec.findOption(option), null);
  }
}
