package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code keap-gateway admin ...} against a real gateway: the API's JSON out, its refusals as one line. */
class AdminCommandTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void accountsFromCreationToDeletion() throws Exception {
    JsonNode created = ok("accounts", "create", "--name", "Acme");
    String id = created.at("/account/id").asText();
    assertThat(created.at("/account/name").asText()).isEqualTo("Acme");
    String key = created.path("api_key").asText();
    assertThat(FIX.as(key).get("/user").json().at("/account/id").asText()).isEqualTo(id);
    assertThat(out.toString()).as("pretty JSON").contains("\n  \"account\" : {");

    assertThat(ok("accounts", "list").path("accounts").findValuesAsText("id")).contains(id);
    assertThat(ok("accounts", "set-rate-limit", id, "25")
            .at("/account/rate_limit_per_second")
            .asInt())
        .isEqualTo(25);
    assertThat(ok("accounts", "set-rate-limit", id, "default")
            .at("/account/rate_limit_per_second")
            .isNull())
        .isTrue();
    assertThat(ok("accounts", "set-mcp-read-only", id, "true")
            .at("/account/mcp_read_only")
            .asBoolean())
        .isTrue();
    assertThat(ok("accounts", "set-mcp-read-only", id, "false")
            .at("/account/mcp_read_only")
            .asBoolean())
        .isFalse();
    assertThat(ok("accounts", "delete", id).path("deleted").asBoolean()).isTrue();
    assertThat(FIX.as(key).get("/user").status()).isEqualTo(401);
  }

  @Test
  void encryptionReencryptSealsEverythingWithThePrimaryKey() throws Exception {
    AccountService.NewAccount a = FIX.newAccount("Rotating");
    dev.keapgw.gateway.ConnectFlow.connect(FIX, a.key().secret());
    JsonNode r = ok("encryption", "reencrypt");
    assertThat(r.path("complete").asBoolean()).isTrue();
    assertThat(r.path("already_primary").asInt())
        .isGreaterThanOrEqualTo(2); // at least one access and refresh token
    assertThat(r.path("unreadable").asInt()).isZero();
  }

  @Test
  void keysCreatedListedAndRevoked() throws Exception {
    String account = FIX.newAccount("Keys Inc").account().id();
    JsonNode made = ok("keys", "create", account, "--name", "ci");
    assertThat(made.at("/key/name").asText()).isEqualTo("ci");
    String secret = made.path("api_key").asText();
    assertThat(FIX.as(secret).get("/user").status()).isEqualTo(200);

    JsonNode listed = ok("keys", "list", account);
    assertThat(listed.path("keys").findValuesAsText("name")).containsExactly("default", "ci");
    assertThat(out.toString()).doesNotContain(secret, "api_key");

    assertThat(ok("keys", "revoke", made.at("/key/id").asText()).path("revoked").asBoolean())
        .isTrue();
    assertThat(FIX.as(secret).get("/user").status()).isEqualTo(401);
  }

  @Test
  void theApisRefusalIsOneLineWithItsMessageAndExitOne() throws Exception {
    failsWith(List.of("accounts", "delete", "nope"), "No account with id nope (404 not_found)");
    failsWith(List.of("accounts", "set-rate-limit", "nope", "5"), "(404 not_found)");
    failsWith(List.of("keys", "revoke", "nope"), "No active API key with id nope");
    failsWith(
        List.of("accounts", "list", "--admin-token", "wrong"), "Missing or wrong admin token");
    try (ServerSocket closed = new ServerSocket(0)) {
      String nobody = "http://127.0.0.1:" + closed.getLocalPort();
      closed.close();
      failsWith(
          List.of("accounts", "list", "--url", nobody),
          "cannot reach the gateway at " + nobody + " (nothing answers there)");
    }
  }

  @Test
  void urlAndTokenComeFromTheEnvironmentButNothingElse() {
    Map<String, String> env = Map.of(
        "KEAP_GATEWAY_URL",
        FIX.gateway().baseUrl(),
        "KEAPGW_ADMIN_TOKEN",
        GatewayFixture.ADMIN_TOKEN,
        "KEAPGW_NAME",
        "From Env");
    assertThat(run(env, "admin", "accounts", "list")).as(err.toString()).isZero();
    assertThat(run(env, "admin", "accounts", "create"))
        .as("--name is not read from KEAPGW_NAME")
        .isEqualTo(2);
    assertThat(err.toString()).contains("--name");
  }

  @Test
  void mistakesOnTheCommandLineAreUsageErrors() {
    usage(
        Map.of(),
        "--admin-token",
        "admin",
        "accounts",
        "list",
        "--url",
        FIX.gateway().baseUrl());
    usage(
        Map.of(),
        "--url",
        "admin",
        "accounts",
        "list",
        "--url",
        "localhost:8080",
        "--admin-token",
        "x");
    usage(
        Map.of(), "'N'", "admin", "accounts", "set-rate-limit", "id", "fast", "--admin-token", "x");
    usage(Map.of(), "--name", "admin", "accounts", "create", "--admin-token", "x");
    usage(Map.of(), "ACCOUNT_ID", "admin", "keys", "list", "--admin-token", "x");
  }

  private JsonNode ok(String... args) throws Exception {
    out.getBuffer().setLength(0);
    int code = run(Map.of(), admin(args));
    assertThat(code).as("%s: %s", List.of(args), err).isZero();
    return JSON.readTree(out.toString());
  }

  private void failsWith(List<String> args, String message) {
    err.getBuffer().setLength(0);
    int code = run(Map.of(), admin(args.toArray(String[]::new)));
    assertThat(code).as("%s", args).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("keap-gateway admin " + args.get(0) + " " + args.get(1) + ": ")
        .contains(message)
        .doesNotContain("Exception", "\tat ");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  private void usage(Map<String, String> env, String named, String... args) {
    err.getBuffer().setLength(0);
    assertThat(run(env, args)).as("%s", List.of(args)).isEqualTo(2);
    assertThat(err.toString()).contains(named).doesNotContain("Exception");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  /** The command with this gateway's URL and admin token (a later flag of the test's own wins). */
  private String[] admin(String... args) {
    List<String> all = new ArrayList<>(List.of("admin"));
    all.addAll(List.of(args));
    if (!all.contains("--url")) {
      all.addAll(List.of("--url", FIX.gateway().baseUrl()));
    }
    if (!all.contains("--admin-token")) {
      all.addAll(List.of("--admin-token", GatewayFixture.ADMIN_TOKEN));
    }
    return all.toArray(String[]::new);
  }

  private int run(Map<String, String> env, String... args) {
    return Main.commandLine(
            env, Lifetimes.none(), new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }
}
