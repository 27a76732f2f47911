package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.app.demo.DemoOptions;
import dev.keapgw.sandbox.SandboxConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Command parsing: options, environment variables, and the one-line usage errors. */
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void noArgumentsPrintTheUsageWithEveryCommand() {
    assertThat(run(Map.of())).isZero();
    assertThat(out.toString())
        .contains("Usage: keap-gateway", "\n  demo ", "\n  serve ", "\n  admin ", "\n  sandbox ");
    assertThat(run(Map.of(), "sandbox", "--help")).isZero();
    assertThat(out.toString())
        .contains("--auto-approve", "--data-dir", "KEAP_SANDBOX_", "(default: 127.0.0.1)");
  }

  @Test
  void flagsBecomeTheSandboxConfiguration() {
    SandboxConfig c = config(
        Map.of(),
        "--host",
        "0.0.0.0",
        "--port",
        "0",
        "--client-id",
        "mine",
        "--client-secret",
        "s3",
        "--redirect-uri",
        "https://app.example/cb",
        "--redirect-uri",
        "http://localhost:1/cb",
        "--tenants",
        "3",
        "--seed-contacts",
        "50",
        "--access-token-ttl",
        "5s",
        "--refresh-token-ttl",
        "45d",
        "--auto-approve",
        "--no-quotas",
        "--data-dir",
        "/tmp/x");
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isZero();
    assertThat(c.clientId()).isEqualTo("mine");
    assertThat(c.clientSecret()).isEqualTo("s3");
    assertThat(c.redirectUris()).containsExactly("https://app.example/cb", "http://localhost:1/cb");
    assertThat(c.tenants()).isEqualTo(3);
    assertThat(c.seedContacts()).isEqualTo(50);
    assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.refreshTokenTtl()).isEqualTo(Duration.ofDays(45));
    assertThat(c.autoApprove()).isTrue();
    assertThat(c.quotas().enforced()).isFalse();
    assertThat(c.dataDir()).hasToString("/tmp/x");
  }

  @Test
  void withoutFlagsTheDefaultsAreSandboxConfigDefaults() {
    SandboxConfig c = config(Map.of());
    SandboxConfig d = SandboxConfig.defaults();
    assertThat(List.of(
            c.host(),
            c.port(),
            c.clientId(),
            c.redirectUris(),
            c.tenants(),
            c.accessTokenTtl(),
            c.refreshTokenTtl(),
            c.autoApprove(),
            c.quotas().enforced()))
        .isEqualTo(List.of(
            d.host(),
            d.port(),
            d.clientId(),
            d.redirectUris(),
            d.tenants(),
            d.accessTokenTtl(),
            d.refreshTokenTtl(),
            d.autoApprove(),
            d.quotas().enforced()));
    assertThat(c.dataDir()).isNull();
  }

  @Test
  void environmentVariablesFillWhatFlagsLeaveOut() {
    Map<String, String> env = Map.of(
        "KEAP_SANDBOX_PORT",
        "7000",
        "KEAP_SANDBOX_AUTO_APPROVE",
        "true",
        "KEAP_SANDBOX_REDIRECT_URI",
        "http://a.test/cb,http://b.test/cb",
        "KEAP_SANDBOX_ACCESS_TOKEN_TTL",
        "10m",
        "KEAP_SANDBOX_NO_QUOTAS",
        "true",
        "KEAP_SANDBOX_DATA_DIR",
        "/var/keap");
    SandboxConfig c = config(env);
    assertThat(c.port()).isEqualTo(7000);
    assertThat(c.autoApprove()).isTrue();
    assertThat(c.redirectUris()).containsExactly("http://a.test/cb", "http://b.test/cb");
    assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.quotas().enforced()).isFalse();
    assertThat(c.dataDir()).hasToString("/var/keap");
    assertThat(config(env, "--port", "7001").port()).isEqualTo(7001);
  }

  @Test
  void badValuesAreOneLineNamingTheOptionAndExitTwo() {
    assertUsageError(Map.of(), "--port", List.of("sandbox", "--port", "abc"));
    assertUsageError(Map.of(), "--port", List.of("sandbox", "--port", "70000"));
    assertUsageError(
        Map.of(), "--access-token-ttl", List.of("sandbox", "--access-token-ttl", "5x"));
    assertUsageError(
        Map.of(), "--refresh-token-ttl", List.of("sandbox", "--refresh-token-ttl", "0s"));
    assertUsageError(Map.of(), "--tenants", List.of("sandbox", "--tenants", "0"));
    assertUsageError(Map.of(), "--seed-contacts", List.of("sandbox", "--seed-contacts", "-1"));
    assertUsageError(Map.of(), "--redirect-uri", List.of("sandbox", "--redirect-uri", "not a uri"));
    assertUsageError(Map.of(), "--bogus", List.of("sandbox", "--bogus"));
    assertUsageError(Map.of(), "--port", List.of("sandbox", "--port"));
    assertUsageError(Map.of("KEAP_SANDBOX_PORT", "abc"), "KEAP_SANDBOX_PORT", List.of("sandbox"));
    assertUsageError(
        Map.of("KEAP_SANDBOX_AUTO_APPROVE", "yes"), "--auto-approve", List.of("sandbox"));
    assertUsageError(
        Map.of(),
        "there is no command 'bogus'; the commands are help, demo, serve, admin, sandbox",
        List.of("bogus"));
  }

  @Test
  void demoOptionsComeFromFlagsTheEnvironmentAndDemoOptionsDefaults() {
    DemoOptions d = demo(Map.of());
    assertThat(d).isEqualTo(DemoOptions.defaults());
    DemoOptions flags = demo(
        Map.of(),
        "--host",
        "0.0.0.0",
        "--port",
        "8181",
        "--sandbox-port",
        "9191",
        "--data-dir",
        "/tmp/d",
        "--admin-token",
        "t0k");
    assertThat(List.of(
            flags.host(),
            flags.port(),
            flags.sandboxPort(),
            flags.dataDir().toString(),
            flags.adminToken()))
        .isEqualTo(List.of("0.0.0.0", 8181, 9191, "/tmp/d", "t0k"));
    DemoOptions env = demo(Map.of(
        "KEAPGW_PORT",
        "8282",
        "KEAPGW_SANDBOX_PORT",
        "9292",
        "KEAPGW_DATA_DIR",
        "/var/d",
        "KEAPGW_ADMIN_TOKEN",
        "env-token",
        "MATON_API_KEY",
        " mine "));
    assertThat(List.of(
            env.port(),
            env.sandboxPort(),
            env.dataDir().toString(),
            env.adminToken(),
            env.matonApiKey()))
        .isEqualTo(List.of(8282, 9292, "/var/d", "env-token", "mine"));
    assertThat(demo(Map.of("MATON_API_KEY", "  ")).matonApiKey())
        .as("a blank key is no key")
        .isNull();
  }

  @Test
  void badDemoValuesAreUsageErrors() {
    assertUsageError(Map.of(), "--port", List.of("demo", "--port", "-1"));
    assertUsageError(Map.of(), "--sandbox-port", List.of("demo", "--sandbox-port", "65536"));
    assertUsageError(
        Map.of(), "--sandbox-port", List.of("demo", "--port", "7000", "--sandbox-port", "7000"));
    assertUsageError(Map.of("KEAPGW_SANDBOX_PORT", "x"), "KEAPGW_SANDBOX_PORT", List.of("demo"));
    assertUsageError(Map.of(), "--admin-token", List.of("demo", "--admin-token", " "));
  }

  @Test
  void helpNeverShowsASecretTakenFromTheEnvironment() {
    Map<String, String> env = Map.of(
        "KEAPGW_ADMIN_TOKEN",
        "adm-s3cret",
        "KEAPGW_CLIENT_SECRET",
        "cli-s3cret",
        "KEAPGW_ENCRYPTION_KEY",
        "enc-s3cret",
        "MATON_API_KEY",
        "key-s3cret");
    for (String[] args :
        List.of(new String[] {"demo", "--help"}, new String[] {"serve", "--help"}, new String[] {
          "admin", "accounts", "list", "--help"
        })) {
      out.getBuffer().setLength(0);
      assertThat(run(env, args)).isZero();
      assertThat(out.toString()).contains("--admin-token").doesNotContain("s3cret");
    }
  }

  @Test
  void hookDelayScalesRestHookTimingFromFlagOrEnvironment() {
    assertThat(config(Map.of()).hookDelay()).isEqualTo(SandboxConfig.defaults().hookDelay());
    assertThat(config(Map.of(), "--hook-delay", "500ms").hookDelay())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(config(Map.of("KEAP_SANDBOX_HOOK_DELAY", "1s")).hookDelay())
        .isEqualTo(Duration.ofSeconds(1));
    assertUsageError(Map.of(), "--hook-delay", List.of("sandbox", "--hook-delay", "0s"));
    assertUsageError(Map.of(), "--hook-delay", List.of("sandbox", "--hook-delay", "soon"));
  }

  private void assertUsageError(Map<String, String> env, String named, List<String> args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(run(env, args.toArray(String[]::new)))
        .as("exit code of %s", args)
        .isEqualTo(2);
    String message = err.toString();
    assertThat(message).as("%s", args).contains(named).doesNotContain("Exception", "\tat ");
    assertThat(message.strip().lines()).as("%s", args).hasSize(1);
  }

  private int run(Map<String, String> env, String... args) {
    return Main.commandLine(
            env, Lifetimes.none(), new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private DemoOptions demo(Map<String, String> env, String... flags) {
    CommandLine cl = Main.commandLine(
        env, Lifetimes.none(), new PrintWriter(out, true), new PrintWriter(err, true));
    String[] args = new String[flags.length + 1];
    args[0] = "demo";
    System.arraycopy(flags, 0, args, 1, flags.length);
    cl.parseArgs(args);
    DemoCommand cmd = cl.getSubcommands().get("demo").getCommand();
    return cmd.options();
  }

  private SandboxConfig config(Map<String, String> env, String... flags) {
    CommandLine cl = Main.commandLine(
        env, Lifetimes.none(), new PrintWriter(out, true), new PrintWriter(err, true));
    String[] args = new String[flags.length + 1];
    args[0] = "sandbox";
    System.arraycopy(flags, 0, args, 1, flags.length);
    cl.parseArgs(args);
    SandboxCommand cmd = cl.getSubcommands().get("sandbox").getCommand();
    return cmd.config();
  }
}
