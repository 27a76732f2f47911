package dev.keapgw.app;

import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.error.StartFailure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = Main.Version.class,
    description = {
      "Runs the gateway in front of Keap (or another upstream with Keap's API).",
      "It needs an OAuth client registered with Keap (--client-id, --client-secret;",
      "redirect URI <public url>/oauth/callback) and an encryption key for the",
      "tokens it keeps. Every option can also be set as an environment variable",
      "KEAPGW_<NAME> (KEAPGW_CLIENT_SECRET, KEAPGW_ENCRYPTION_KEY, ...); flags win",
      "over the environment."
    })
final class ServeCommand implements Callable<Integer> {
  static final String ENV_PREFIX = "KEAPGW_";

  @Spec
  CommandSpec spec;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--public-url",
      paramLabel = "<url>",
      description =
          "Where browsers reach the gateway; connect links and the OAuth redirect URI are built on it"
              + " (default: http://localhost:<port>).")
  String publicUrl;

  @Option(
      names = "--client-id",
      paramLabel = "<id>",
      description = "The OAuth client id of your app registered with Keap.")
  String clientId;

  // Secrets carry no ${DEFAULT-VALUE}: help would show a value taken from the environment.
  @Option(
      names = "--client-secret",
      paramLabel = "<secret>",
      description = "That OAuth client's secret.")
  String clientSecret;

  @Option(
      names = "--encryption-key",
      paramLabel = "<key or file>",
      description =
          "32 random bytes in base64 (openssl rand -base64 32), or a file holding them; tokens are"
              + " encrypted with it. Required.")
  String encryptionKey;

  @Option(
      names = "--old-encryption-keys",
      paramLabel = "<keys>",
      description =
          "Older keys, comma-separated, kept only to read tokens sealed before a key rotation.")
  String oldEncryptionKeys;

  @Option(
      names = "--admin-token",
      paramLabel = "<token>",
      description = "Turns the admin API on, for this token (default: off).")
  String adminToken;

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description = "Where the embedded store lives (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "<jdbc url>",
      description =
          "A PostgreSQL JDBC URL: the store several instances share, instead of the embedded one"
              + " (default: none).")
  String dbUrl;

  @Option(
      names = "--redis-url",
      paramLabel = "<url>",
      description =
          "A Redis URL through which several instances share their rate limits (default: none, in process).")
  String redisUrl;

  @Option(
      names = "--upstream-url",
      paramLabel = "<url>",
      description = "Where /keap/... is forwarded (default: ${DEFAULT-VALUE}).")
  String upstreamUrl;

  @Option(
      names = "--authorize-url",
      paramLabel = "<url>",
      description = "The upstream's OAuth authorize page (default: ${DEFAULT-VALUE}).")
  String authorizeUrl;

  @Option(
      names = "--token-url",
      paramLabel = "<url>",
      description = "The upstream's OAuth token endpoint (default: ${DEFAULT-VALUE}).")
  String tokenUrl;

  @Option(
      names = "--account-rate-limit",
      paramLabel = "<per second>",
      description =
          "Requests per second per account, unless the admin API sets another (default: ${DEFAULT-VALUE}).")
  int accountRateLimit;

  @Option(
      names = "--account-burst",
      paramLabel = "<n>",
      description =
          "Requests an account may send at once above its rate, 0 for none (default: ${DEFAULT-VALUE}).")
  int accountBurst;

  @Option(
      names = "--upstream-connect-timeout",
      converter = Durations.class,
      paramLabel = "<duration>",
      description = "How long to wait for a connection to the upstream before answering 502"
          + " (default: ${DEFAULT-VALUE}).")
  Duration upstreamConnectTimeout;

  @Option(
      names = "--upstream-response-timeout",
      converter = Durations.class,
      paramLabel = "<duration>",
      description = "How long to wait for the upstream's answer to start before answering 504"
          + " (default: ${DEFAULT-VALUE}).")
  Duration upstreamResponseTimeout;

  @Option(
      names = "--request-body-timeout",
      converter = Durations.class,
      paramLabel = "<duration>",
      description =
          "How long a caller may take to send a request body before the gateway answers 408 and"
              + " closes the connection (default: ${DEFAULT-VALUE}).")
  Duration requestBodyTimeout;

  @Option(
      names = "--upstream-pool-wait",
      converter = Durations.class,
      paramLabel = "<duration>",
      description =
          "How long a request may wait for a connection to the upstream when all are busy before"
              + " the gateway answers 503 with Retry-After (default: ${DEFAULT-VALUE}).")
  Duration upstreamPoolWait;

  @Option(
      names = "--upstream-quota-per-minute",
      paramLabel = "<n>",
      description =
          "Requests per minute to the upstream across all accounts, under Keap's quota; 0 for no"
              + " budget (default: ${DEFAULT-VALUE}).")
  int upstreamQuotaPerMinute;

  @Option(
      names = "--upstream-spike-per-second",
      paramLabel = "<n>",
      description =
          "Requests in any one second to the upstream across all accounts, under Keap's spike limit"
              + " of 25 (default: ${DEFAULT-VALUE}).")
  int upstreamSpikePerSecond;

  @Option(
      names = "--access-log",
      paramLabel = "<stdout|off|file>",
      description =
          "Where the access log goes, one line per data-plane request, written every 0.1 s:"
              + " stdout, off, or a file to append to (default: ${DEFAULT-VALUE}).")
  String accessLog;

  @Option(
      names = "--mcp-read-only",
      description =
          "The MCP endpoint (/mcp) offers only tools that read: no Keap writes, no connection changes.")
  boolean mcpReadOnly;

  @Option(
      names = "--allow-private-destinations",
      description =
          "Let trigger destinations resolve to loopback, private, link-local or metadata addresses"
              + " (off by default: a server-side request forgery risk; for receivers on your own network).")
  boolean allowPrivateDestinations;

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
    m.put("--account-burst", Integer.toString(d.limits().accountBurst()));
    m.put("--upstream-connect-timeout", Durations.format(d.timeouts().connect()));
    m.put("--upstream-response-timeout", Durations.format(d.timeouts().response()));
    m.put("--request-body-timeout", Durations.format(d.timeouts().requestBody()));
    m.put("--upstream-pool-wait", Durations.format(d.timeouts().upstreamPoolWait()));
    m.put("--upstream-quota-per-minute", Integer.toString(d.limits().upstreamQuotaPerMinute()));
    m.put("--upstream-spike-per-second", Integer.toString(d.limits().upstreamSpikePerSecond()));
    m.put("--access-log", d.accessLog().toString());
    m.put("--mcp-read-only", Boolean.toString(d.mcpReadOnly()));
    m.put(
        "--allow-private-destinations", Boolean.toString(d.triggers().allowPrivateDestinations()));
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
    }
    dev.keapgw.gateway.mcp.McpFeature.warmUp();
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
    // the rest of the ranges are the configuration's (problems() below); 0 (a free port) is for
    // tests, not serve
    require(port != 0, "--port", "must not be 0: the public URL names the port serve listens on");
    if (encryptionKey == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing option '--encryption-key': the gateway keeps tokens"
              + " encrypted and will not start without a key. Set --encryption-key (or KEAPGW_ENCRYPTION_KEY) to 32"
              + " random bytes in base64, or to a file holding them; "
              + EncryptionKeyOption.HOW_TO_MAKE);
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
        .at(
            url("--upstream-url", upstreamUrl),
            url("--authorize-url", authorizeUrl),
            url("--token-url", tokenUrl));
    GatewayConfig.Timeouts t = d.timeouts();
    GatewayConfig c = d.toBuilder()
        .host(host.trim())
        .port(port)
        .publicUrl(
            publicUrl == null
                ? URI.create("http://localhost:" + port)
                : url("--public-url", publicUrl))
        .dataDir(dataDir)
        .dbUrl(dbUrl)
        .redisUrl(redisUrl)
        .adminToken(adminToken)
        .keys(keys)
        .app(app)
        .limits(new GatewayConfig.Limits(
            accountRateLimit, accountBurst, upstreamQuotaPerMinute, upstreamSpikePerSecond))
        .timeouts(new GatewayConfig.Timeouts(
            upstreamConnectTimeout,
            upstreamResponseTimeout,
            t.refreshMargin(),
            t.keepAliveEvery(),
            t.connectSession(),
            t.refreshBackoffMax(),
            requestBodyTimeout,
            upstreamPoolWait))
        .accessLog(AccessLogTarget.parse(accessLog))
        .mcpReadOnly(mcpReadOnly)
        .triggers(d.triggers().withAllowPrivateDestinations(allowPrivateDestinations))
        .build();
    List<GatewayConfig.Problem> problems = c.problems();
    if (!problems.isEmpty()) {
      String option = option(problems.get(0).setting());
      throw new ParameterException(
          spec.commandLine(),
          option + " " + problems.get(0).problem(),
          spec.findOption(option),
          null);
    }
    return c;
  }

  /** The option that sets a gateway setting. */
  static String option(GatewayConfig.Setting s) {
    return switch (s) {
      case HOST -> "--host";
      case PORT -> "--port";
      case PUBLIC_URL -> "--public-url";
      case ENCRYPTION_KEY -> "--encryption-key";
      case APPS, CLIENT_ID -> "--client-id";
      case CLIENT_SECRET -> "--client-secret";
      case DB_URL -> "--db-url";
      case REDIS_URL -> "--redis-url";
      case ACCOUNT_RATE_LIMIT -> "--account-rate-limit";
      case ACCOUNT_BURST -> "--account-burst";
      case UPSTREAM_QUOTA_PER_MINUTE -> "--upstream-quota-per-minute";
      case UPSTREAM_CONNECT_TIMEOUT -> "--upstream-connect-timeout";
      case UPSTREAM_RESPONSE_TIMEOUT -> "--upstream-response-timeout";
      case ADMIN_TOKEN -> "--admin-token";
      case REQUEST_BODY_TIMEOUT -> "--request-body-timeout";
      case UPSTREAM_POOL_WAIT -> "--upstream-pool-wait";
      case UPSTREAM_SPIKE_PER_SECOND -> "--upstream-spike-per-second";
    };
  }

  private URI url(String option, String value) {
    URI u;
    try {
      u = new URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      throw invalid(option, "'" + value + "' is not a URL");
    }
    require(
        u.getHost() != null
            && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())),
        option,
        "'" + value + "' is not an absolute http or https URL");
    return u;
  }

  private void require(boolean ok, String option, String problem) {
    if (!ok) {
      throw invalid(option, problem);
    }
  }

  private ParameterException invalid(String option, String problem) {
    return new ParameterException(
        spec.commandLine(),
        "Invalid value for option '" + option + "': " + problem,
        spec.findOption(option),
        null);
  }
}
