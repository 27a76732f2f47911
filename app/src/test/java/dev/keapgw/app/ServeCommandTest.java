package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}: its options, the configuration they make, and the refusals that keep secrets safe. */
@Tag("unit")
class ServeCommandTest {
  static final String KEY = newKey();
  static final String OLD = newKey();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void withTheRequiredOptionsOnlyItFrontsKeapWithTheDefaults() {
    GatewayConfig c =
        config(Map.of(), "--client-id", "my-app", "--client-secret", "s3", "--encryption-key", KEY);
    GatewayConfig d = GatewayConfig.defaults();
    AppConfig keap = c.apps().get("keap");
    assertThat(keap.upstreamUrl()).hasToString("https://api.infusionsoft.com");
    assertThat(keap.authorizeUrl())
        .hasToString("https://accounts.infusionsoft.com/app/oauth/authorize");
    assertThat(keap.tokenUrl()).hasToString("https://api.infusionsoft.com/token");
    assertThat(List.of(keap.clientId(), keap.clientSecret())).containsExactly("my-app", "s3");
    assertThat(List.of(c.host(), c.port(), c.dataDir(), c.limits()))
        .isEqualTo(List.of(d.host(), d.port(), d.dataDir(), d.limits()));
    assertThat(c.publicUrl()).hasToString("http://localhost:8080");
    assertThat(c.redirectUri()).isEqualTo("http://localhost:8080/oauth/callback");
    assertThat(c.dbUrl()).isNull();
    assertThat(c.adminToken()).isNull();
  }

  @Test
  void everyOptionHasAFlagAndAVariable() {
    List<String> flags = List.of(
        "--host",
        "127.0.0.1",
        "--port",
        "8181",
        "--public-url",
        "https://gw.example.com",
        "--client-id",
        "id",
        "--client-secret",
        "secret",
        "--encryption-key",
        KEY,
        "--admin-token",
        "adm-0123456789abcdef-0123456789abcdef",
        "--data-dir",
        "/srv/gw",
        "--db-url",
        "jdbc:h2:mem:x",
        "--upstream-url",
        "http://127.0.0.1:9090",
        "--authorize-url",
        "http://127.0.0.1:9090/app/oauth/authorize",
        "--token-url",
        "http://127.0.0.1:9090/token",
        "--account-rate-limit",
        "25",
        "--upstream-quota-per-minute",
        "0",
        "--redis-url",
        "redis://cache:6379",
        "--old-encryption-keys",
        OLD,
        "--account-burst",
        "7",
        "--upstream-connect-timeout",
        "2s",
        "--upstream-response-timeout",
        "90s");
    Map<String, String> env = new java.util.HashMap<>();
    for (int i = 0; i < flags.size(); i += 2) {
      env.put(
          "KEAPGW_" + flags.get(i).substring(2).replace('-', '_').toUpperCase(), flags.get(i + 1));
    }
    for (GatewayConfig c : List.of(config(Map.of(), flags.toArray(String[]::new)), config(env))) {
      AppConfig keap = c.apps().get("keap");
      assertThat(List.of(
              c.host(),
              c.port(),
              c.publicUrl().toString(),
              c.adminToken(),
              c.dataDir().toString(),
              c.dbUrl()))
          .isEqualTo(List.of(
              "127.0.0.1",
              8181,
              "https://gw.example.com",
              "adm-0123456789abcdef-0123456789abcdef",
              "/srv/gw",
              "jdbc:h2:mem:x"));
      assertThat(List.of(
              keap.upstreamUrl().toString(),
              keap.authorizeUrl().toString(),
              keap.tokenUrl().toString(),
              keap.clientId(),
              keap.clientSecret()))
          .containsExactly(
              "http://127.0.0.1:9090",
              "http://127.0.0.1:9090/app/oauth/authorize",
              "http://127.0.0.1:9090/token",
              "id",
              "secret");
      assertThat(c.limits().accountPerSecond()).isEqualTo(25);
      assertThat(c.limits().accountBurst()).isEqualTo(7);
      assertThat(c.timeouts().connect()).isEqualTo(java.time.Duration.ofSeconds(2));
      assertThat(c.timeouts().response()).isEqualTo(java.time.Duration.ofSeconds(90));
      assertThat(c.limits().upstreamQuotaPerMinute()).isZero();
      assertThat(c.redirectUri()).isEqualTo("https://gw.example.com/oauth/callback");
      assertThat(c.redisUrl()).isEqualTo("redis://cache:6379");
      assertThat(c.keys().ids()).hasSize(2);
      assertThat(c.keys().primary()).isEqualTo(Base64.getDecoder().decode(KEY));
    }
  }

  @Test
  void theEncryptionKeyMayBeAFile(@TempDir Path tmp) throws Exception {
    Path file = ownerOnly(Files.writeString(tmp.resolve("key"), KEY + "\n"));
    GatewayConfig c = config(
        Map.of(), "--client-id", "id", "--client-secret", "s", "--encryption-key", file.toString());
    assertThat(c.keys().primary()).isEqualTo(Base64.getDecoder().decode(KEY));
    Path rotating = ownerOnly(
        Files.writeString(tmp.resolve("keys"), "# primary first\n" + KEY + "\n" + OLD + "\n"));
    GatewayConfig r = config(
        Map.of(),
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "--encryption-key",
        rotating.toString());
    assertThat(r.keys().primary()).isEqualTo(Base64.getDecoder().decode(KEY));
    assertThat(r.keys().ids()).hasSize(2);
    Path bad = ownerOnly(Files.writeString(tmp.resolve("short"), "c2hvcnQ="));
    assertRefused(
        Map.of(),
        "--encryption-key",
        "serve",
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "--encryption-key",
        bad.toString());
    assertThat(err.toString()).contains("does not start with a usable key", "32 bytes");
    assertRefused(
        Map.of(),
        "--old-encryption-keys",
        "serve",
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "--encryption-key",
        KEY,
        "--old-encryption-keys",
        OLD + ",c2hvcnQ=");
    assertThat(err.toString()).contains("old key 2").doesNotContain(OLD);
  }

  @Test
  void aKeyFileOthersMayReadIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("key"), KEY + "\n");
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertRefused(
        Map.of(),
        "--encryption-key",
        "serve",
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "--encryption-key",
        file.toString());
    assertThat(err.toString())
        .contains("the key file " + file + " may be read by other users", "chmod 600")
        .doesNotContain(KEY);
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(config(
                Map.of(),
                "--client-id",
                "id",
                "--client-secret",
                "s",
                "--encryption-key",
                file.toString())
            .keys()
            .primary())
        .isEqualTo(Base64.getDecoder().decode(KEY));
  }

  private static Path ownerOnly(Path file) throws java.io.IOException {
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  @Test
  void withoutAnEncryptionKeyItRefusesToStartAndSaysHowToMakeOne() {
    assertRefused(
        Map.of(), "--encryption-key", "serve", "--client-id", "id", "--client-secret", "s");
    assertThat(err.toString()).contains("openssl rand -base64 32", "KEAPGW_ENCRYPTION_KEY");
  }

  @Test
  void aBadKeyIsRefusedWithoutRepeatingIt() {
    String notAKey = "c2VjcmV0LWJ1dC10b28tc2hvcnQ=";
    assertRefused(
        Map.of(),
        "--encryption-key",
        "serve",
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "--encryption-key",
        notAKey);
    assertThat(err.toString()).doesNotContain(notAKey).contains("openssl rand -base64 32");
    assertRefused(
        Map.of("KEAPGW_ENCRYPTION_KEY", "%%%"),
        "KEAPGW_ENCRYPTION_KEY",
        "serve",
        "--client-id",
        "id",
        "--client-secret",
        "s");
    assertThat(err.toString()).doesNotContain("%%%");
  }

  @Test
  void configurationProblemsAreOneLineNamingTheOption() {
    assertRefused(
        Map.of(),
        "--client-id is required",
        "serve",
        "--client-secret",
        "s",
        "--encryption-key",
        KEY);
    assertRefused(
        Map.of(),
        "--client-secret is required",
        "serve",
        "--client-id",
        "id",
        "--encryption-key",
        KEY);
    assertThat(err.toString()).doesNotContain(KEY);
    List<List<String>> bad = List.of(
        List.of("--port", "70000"),
        List.of("--upstream-url", "api.infusionsoft.com"),
        List.of("--public-url", "not a url"),
        List.of("--token-url", "ftp://x.example/token"),
        List.of("--account-rate-limit", "0"),
        List.of("--upstream-quota-per-minute", "-1"),
        List.of("--db-url", "postgres://db"),
        List.of("--redis-url", "cache:6379"),
        List.of("--admin-token", " "),
        List.of("--host", " "),
        List.of("--account-burst", "-1"),
        List.of("--upstream-connect-timeout", "0s"),
        List.of("--upstream-response-timeout", "0s"));
    for (List<String> b : bad) {
      List<String> args = new ArrayList<>(List.of(
          "serve",
          "--client-id",
          "id",
          "--client-secret",
          "secret-value",
          "--encryption-key",
          KEY));
      args.addAll(b);
      assertRefused(Map.of(), b.get(0), args.toArray(String[]::new));
      assertThat(err.toString()).doesNotContain("secret-value", KEY);
    }
    assertRefused(
        Map.of(),
        "--port",
        "serve",
        "--client-id",
        "id",
        "--client-secret",
        "s",
        "--encryption-key",
        KEY,
        "--port",
        "0");
  }

  private void assertRefused(Map<String, String> env, String named, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    int code = Main.commandLine(
            env,
            Lifetimes.none().withServe(g -> {
              throw new AssertionError("started although refused");
            }),
            new PrintWriter(out, true),
            new PrintWriter(err, true))
        .execute(args);
    assertThat(code).as("exit code of %s: %s", List.of(args), err).isEqualTo(2);
    assertThat(err.toString())
        .as("%s", List.of(args))
        .startsWith("keap-gateway serve: ")
        .contains(named)
        .doesNotContain("Exception", "\tat ");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  private GatewayConfig config(Map<String, String> env, String... flags) {
    CommandLine cl = Main.commandLine(
        env, Lifetimes.none(), new PrintWriter(out, true), new PrintWriter(err, true));
    String[] args = new String[flags.length + 1];
    args[0] = "serve";
    System.arraycopy(flags, 0, args, 1, flags.length);
    cl.parseArgs(args);
    ServeCommand cmd = cl.getSubcommands().get("serve").getCommand();
    return cmd.config();
  }

  static String newKey() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }
}
