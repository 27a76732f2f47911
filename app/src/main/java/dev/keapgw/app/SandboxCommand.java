package dev.keapgw.app;

import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
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

/** {@code keap-gateway sandbox}: runs the Keap emulator on its own until the process is stopped. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = Main.Version.class,
    description = {
      "Runs an emulator of Keap's CRM REST v2 API, its v1 REST hooks and its OAuth server.",
      "Every option can also be set as an environment variable KEAP_SANDBOX_<NAME>",
      "(KEAP_SANDBOX_PORT, KEAP_SANDBOX_AUTO_APPROVE=true, ...); flags win over the environment."
    })
final class SandboxCommand implements Callable<Integer> {
  static final String ENV_PREFIX = "KEAP_SANDBOX_";

  @Spec
  CommandSpec spec;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--client-id",
      description = "The registered OAuth client's id (default: ${DEFAULT-VALUE}).")
  String clientId;

  @Option(
      names = "--client-secret",
      description = "The registered OAuth client's secret (default: ${DEFAULT-VALUE}).")
  String clientSecret;

  @Option(
      names = "--redirect-uri",
      split = ",",
      paramLabel = "<uri>",
      description =
          "A redirect URI the client may use, exact match; repeat for several (default: ${DEFAULT-VALUE}).")
  List<String> redirectUris;

  @Option(
      names = "--tenants",
      description = "How many Keap accounts to emulate (default: ${DEFAULT-VALUE}).")
  int tenants;

  @Option(
      names = "--seed-contacts",
      description = "Extra generated contacts per tenant (default: ${DEFAULT-VALUE}).")
  int seedContacts;

  @Option(
      names = "--access-token-ttl",
      converter = Durations.class,
      paramLabel = "<duration>",
      description = "Access token lifetime, such as 5s, 10m, 24h (default: ${DEFAULT-VALUE}).")
  Duration accessTokenTtl;

  @Option(
      names = "--refresh-token-ttl",
      converter = Durations.class,
      paramLabel = "<duration>",
      description = "Refresh token lifetime (default: ${DEFAULT-VALUE}).")
  Duration refreshTokenTtl;

  @Option(
      names = "--auto-approve",
      description = "Approve OAuth requests for the first tenant without a consent page.")
  boolean autoApprove;

  @Option(
      names = "--no-quotas",
      description = "Count requests and send the quota headers, but never answer 429.")
  boolean noQuotas;

  @Option(
      names = "--hook-delay",
      converter = Durations.class,
      paramLabel = "<duration>",
      description = {
        "Scale of REST hook timing: a first delivery comes 1 to 2 times this after a change,",
        "and Keap's retry delays scale alike; Keap's is 30s, 1s suits a demo (default: ${DEFAULT-VALUE})."
      })
  Duration hookDelay;

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description = "Keep data in this directory across restarts (default: in memory only).")
  Path dataDir;

  private final Lifetime<Sandbox> lifetime;

  SandboxCommand(Lifetime<Sandbox> lifetime) {
    this.lifetime = lifetime;
  }

  /** Built-in defaults by option, all taken from {@link SandboxConfig#defaults()}. */
  static Map<String, String> builtInDefaults() {
    SandboxConfig d = SandboxConfig.defaults();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("--host", d.host());
    m.put("--port", Integer.toString(d.port()));
    m.put("--client-id", d.clientId());
    m.put("--client-secret", d.clientSecret());
    m.put("--redirect-uri", String.join(",", d.redirectUris()));
    m.put("--tenants", Integer.toString(d.tenants()));
    m.put("--seed-contacts", Integer.toString(d.seedContacts()));
    m.put("--access-token-ttl", Durations.format(d.accessTokenTtl()));
    m.put("--refresh-token-ttl", Durations.format(d.refreshTokenTtl()));
    m.put("--auto-approve", Boolean.toString(d.autoApprove()));
    m.put("--no-quotas", Boolean.toString(!d.quotas().enforced()));
    m.put("--hook-delay", Durations.format(d.hookDelay()));
    return m;
  }

  @Override
  public Integer call() throws InterruptedException {
    SandboxConfig config = config();
    lifetime.beforeStart();
    if (config.dataDir() != null) {
      DataDirs.requireWritable(config.dataDir(), "--data-dir");
    }
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(config);
    } catch (dev.keapgw.sandbox.ListenFailure e) {
      throw new CommandFailure(StartProblems.forListen(StartProblems.of(e), "--port"));
    } catch (IllegalStateException e) {
      throw new CommandFailure(String.valueOf(e.getMessage()));
    }
    try {
      SandboxBanner.print(sandbox, spec.commandLine().getOut());
      lifetime.run(sandbox);
    } finally {
      sandbox.close();
    }
    lifetime.stopped(spec.commandLine().getOut());
    return 0;
  }

  /** The options as a sandbox configuration; a bad value is a usage error naming its option. */
  SandboxConfig config() {
    require(!host.isBlank(), "--host", "must not be blank");
    require(GatewayConfig.portProblem(port) == null, "--port", GatewayConfig.portProblem(port));
    require(!clientId.isBlank(), "--client-id", "must not be blank");
    require(!clientSecret.isBlank(), "--client-secret", "must not be blank");
    List<String> uris =
        redirectUris.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    require(!uris.isEmpty(), "--redirect-uri", "needs at least one URI");
    uris.forEach(u -> require(
        isHttpUri(u), "--redirect-uri", "'" + u + "' is not an absolute http or https URI"));
    require(
        tenants >= 1 && tenants <= 1000, "--tenants", "must be between 1 and 1000, not " + tenants);
    require(
        seedContacts >= 0 && seedContacts <= 2_000_000,
        "--seed-contacts",
        "must be between 0 and 2000000, not " + seedContacts);
    require(accessTokenTtl.toMillis() > 0, "--access-token-ttl", "must be longer than zero");
    require(refreshTokenTtl.toMillis() > 0, "--refresh-token-ttl", "must be longer than zero");
    require(hookDelay.toMillis() > 0, "--hook-delay", "must be longer than zero");
    SandboxConfig c = SandboxConfig.defaults()
        .withHost(host.trim())
        .withPort(port)
        .withClient(clientId.trim(), clientSecret, uris)
        .withTenants(tenants, seedContacts, true)
        .withTokenTtls(accessTokenTtl, refreshTokenTtl)
        .withAutoApprove(autoApprove)
        .withHookDelay(hookDelay);
    return c.withQuotas(c.quotas().withEnforced(!noQuotas)).withDataDir(dataDir);
  }

  private void require(boolean ok, String option, String problem) {
    if (!ok) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
  }

  private static boolean isHttpUri(String s) {
    try {
      URI u = new URI(s);
      return u.getHost() != null
          && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
