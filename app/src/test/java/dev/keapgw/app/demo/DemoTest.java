package dev.keapgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The demo on free ports in a temporary data directory: what a newcomer gets from one command. */
class DemoTest {
  @TempDir
  Path dir;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    root().detachAppender(logs);
  }

  @Test
  void startsWithOneActiveConnectionAndServesTheSeedsFirstCall() throws Exception {
    try (RunningDemo demo = Demo.start(options())) {
      assertThat(demo.keySource()).isEqualTo(RunningDemo.KeySource.GENERATED);
      assertThat(demo.apiKey()).startsWith("kgw_");
      assertThat(demo.gatewayUrl()).startsWith("http://localhost:");
      TestHttp caller = TestHttp.bearer(demo.gatewayUrl(), demo.apiKey());

      JsonNode connections = caller.get("/connections?app=keap").json().path("connections");
      assertThat(connections).hasSize(1);
      assertThat(connections.get(0).path("connection_id").asText()).isEqualTo(demo.connectionId());
      assertThat(connections.get(0).path("status").asText()).isEqualTo("ACTIVE");
      assertThat(connections.get(0).at("/metadata/tenant_id").asText())
          .isEqualTo("kx101")
          .isEqualTo(demo.tenantId());

      TestHttp.Reply contacts = caller.get("/keap/crm/rest/v2/contacts?page_size=2");
      assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
      assertThat(contacts.json().path("contacts")).hasSize(2);
      assertThat(caller.get("/user").json().at("/account/name").asText()).isEqualTo("demo");

      TestHttp anonymous = new TestHttp(demo.gatewayUrl(), Map.of());
      assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
      assertThat(anonymous.get("/admin/accounts").status())
          .as("no admin token: no admin API")
          .isEqualTo(404);

      assertThat(owner(demo.dataDir().resolve("encryption-key"))).isEqualTo("rw-------");
      assertThat(owner(demo.keyFile())).isEqualTo("rw-------");
      assertThat(Files.readString(demo.keyFile()).strip()).isEqualTo(demo.apiKey());
    }
  }

  @Test
  void readinessFollowsTheDemoConnection() {
    try (RunningDemo demo = Demo.start(options())) {
      TestHttp anonymous = new TestHttp(demo.gatewayUrl(), Map.of());
      assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
      TestHttp.bearer(demo.gatewayUrl(), demo.apiKey())
          .delete("/connections/" + demo.connectionId());
      TestHttp.Reply ready = anonymous.get("/readyz");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().at("/problems/0").asText())
          .contains(demo.connectionId(), "restart the demo");
    }
  }

  @Test
  void aRestartWithTheSameDataDirectoryFindsAccountKeyAndConnectionAgain() {
    String account;
    String key;
    String connection;
    try (RunningDemo first = Demo.start(options())) {
      account = first.accountId();
      key = first.apiKey();
      connection = first.connectionId();
      TestHttp.Reply created = TestHttp.bearer(first.gatewayUrl(), key)
          .post(
              "/keap/crm/rest/v2/contacts",
              Map.of(
                  "given_name",
                  "Restart",
                  "family_name",
                  "Survivor",
                  "email_addresses",
                  java.util.List.of(Map.of("email", "restart@example.com", "field", "EMAIL1"))));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    try (RunningDemo second = Demo.start(options())) {
      assertThat(second.accountId()).isEqualTo(account);
      assertThat(second.keySource()).isEqualTo(RunningDemo.KeySource.KEPT);
      assertThat(second.apiKey()).isEqualTo(key);
      assertThat(second.connectionId()).as("the connection keeps its id").isEqualTo(connection);
      TestHttp caller = TestHttp.bearer(second.gatewayUrl(), key);
      assertThat(caller.get("/connections").json().path("connections")).hasSize(1);
      // the sandbox forgot the old tokens: a 200 here proves the connection was authorized again
      TestHttp.Reply found =
          caller.get("/keap/crm/rest/v2/contacts?filter=family_name%3D%3DSurvivor");
      assertThat(found.status()).as(found.body()).isEqualTo(200);
      assertThat(found.json().path("contacts"))
          .as("the sandbox's data survived too")
          .hasSize(1);
      assertThat(new TestHttp(second.gatewayUrl(), Map.of()).get("/readyz").status())
          .isEqualTo(200);
    }
  }

  @Test
  void aRestartKeepsTheUsersSecondTenantConnectionAndAuthorizesItAgain() {
    String own;
    String second;
    String key;
    try (RunningDemo first = Demo.start(options())) {
      key = first.apiKey();
      own = first.connectionId();
      // the README's steps for a second Keap account: the sandbox approves for kx102, the new
      // connection's url is opened
      TestHttp sandbox = new TestHttp(first.sandboxUrl(), Map.of());
      assertThat(sandbox
              .send(
                  "PUT",
                  "/_sandbox/oauth/approval",
                  "application/json",
                  "{\"tenant_id\":\"kx102\"}")
              .status())
          .isEqualTo(200);
      TestHttp caller = TestHttp.bearer(first.gatewayUrl(), key);
      JsonNode made = caller.post("/connections", Map.of("app", "keap")).json().path("connection");
      second = made.path("connection_id").asText();
      assertThat(new BrowserFlow().open(made.path("url").asText()).status()).isEqualTo(200);
      assertThat(caller
              .get("/connections/" + second)
              .json()
              .at("/connection/metadata/tenant_id")
              .asText())
          .isEqualTo("kx102");
    }
    logs.list.clear();
    try (RunningDemo again = Demo.start(options())) {
      assertThat(again.connectionId()).isEqualTo(own);
      assertThat(again.tenantId()).isEqualTo("kx101");
      TestHttp caller = TestHttp.bearer(again.gatewayUrl(), key);
      JsonNode connections = caller.get("/connections").json().path("connections");
      assertThat(connections)
          .extracting(c -> c.path("connection_id").asText())
          .containsExactly(own, second);
      assertThat(connections)
          .extracting(c -> c.path("status").asText())
          .containsExactly("ACTIVE", "ACTIVE");
      // the restarted sandbox forgot every grant: an answer through the second connection proves
      // new tokens
      TestHttp viaSecond = new TestHttp(
          again.gatewayUrl(), Map.of("Authorization", "Bearer " + key, "Maton-Connection", second));
      TestHttp.Reply contacts = viaSecond.get("/keap/crm/rest/v2/contacts?page_size=1");
      assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
      assertThat(contacts.header("x-keap-tenant-id")).startsWith("kx102");
      assertThat(logs.list)
          .map(DemoTest::text)
          .anySatisfy(line -> assertThat(line)
              .contains(second, "kx102", "authorized again", "keeps no OAuth grants"));
      // the sandbox approves for its first tenant again, as the README's steps expect of a fresh
      // demo
      assertThat(new TestHttp(again.sandboxUrl(), Map.of())
              .get("/_sandbox/oauth/approval")
              .json()
              .path("tenant_id")
              .asText())
          .isEqualTo("kx101");
    }
  }

  @Test
  void matonApiKeyIsRegisteredOnceAndNeverShown() {
    String mine = "my-own-maton-key-7c1f";
    String keyId;
    try (RunningDemo demo = Demo.start(options().withMatonApiKey(mine))) {
      assertThat(demo.keySource()).isEqualTo(RunningDemo.KeySource.MATON_API_KEY);
      assertThat(demo.apiKey()).isNull();
      keyId = demo.keyId();
      TestHttp.Reply r =
          TestHttp.bearer(demo.gatewayUrl(), mine).get("/keap/crm/rest/v2/contacts?page_size=1");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(demo.toString()).doesNotContain(mine);
      assertThat(Files.exists(demo.keyFile()))
          .as("a key the user brings is not written down")
          .isFalse();
      assertThat(demo.gateway().services().accounts().keys(demo.accountId()))
          .as("the new account's automatic key is revoked")
          .hasSize(1);
    }
    try (RunningDemo again = Demo.start(options().withMatonApiKey(mine))) {
      assertThat(again.keyId()).as("registered once").isEqualTo(keyId);
      assertThat(TestHttp.bearer(again.gatewayUrl(), mine).get("/user").status())
          .isEqualTo(200);
    }
    assertThat(options().withMatonApiKey(mine).toString()).doesNotContain(mine);
    assertThat(logs.list).isNotEmpty().allSatisfy(e -> assertThat(text(e)).doesNotContain(mine));
  }

  @Test
  void aRevokedMatonApiKeyIsRefusedWithTheReason() {
    String mine = "revoked-maton-key-1";
    try (RunningDemo demo = Demo.start(options().withMatonApiKey(mine))) {
      demo.gateway().services().accounts().revokeKey(demo.keyId());
    }
    assertThatThrownBy(() -> Demo.start(options().withMatonApiKey(mine)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MATON_API_KEY was revoked")
        .message()
        .doesNotContain(mine);
  }

  @Test
  void aDirectoryWithAStoreTheDemoDidNotMakeIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("demo"));
    Files.writeString(dir.resolve("demo/gateway.mv.db"), "not the demo's");
    assertThatThrownBy(() -> Demo.start(options()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--data-dir");
    assertThat(Files.exists(dir.resolve("demo/encryption-key"))).isFalse();
  }

  @Test
  void optionsThatCannotWorkAreRefusedBeforeAnythingStarts() {
    DemoOptions same = options().withPorts(7000, 7000);
    assertThat(same.problems())
        .extracting(DemoOptions.Problem::setting)
        .containsExactly(DemoOptions.Setting.SANDBOX_PORT);
    assertThat(options().withPorts(-1, 0).problems())
        .extracting(DemoOptions.Problem::setting)
        .containsExactly(DemoOptions.Setting.PORT);
    assertThat(options().withHost(" ").withAdminToken(" ").problems())
        .extracting(DemoOptions.Problem::setting)
        .containsExactly(DemoOptions.Setting.HOST, DemoOptions.Setting.ADMIN_TOKEN);
    assertThat(options().problems()).isEmpty();
    assertThatThrownBy(() -> Demo.start(same))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sandbox port")
        .hasMessageContaining("7000");
    assertThat(Files.exists(dir.resolve("demo"))).as("nothing was made").isFalse();
  }

  private DemoOptions options() {
    return DemoOptions.defaults().withPorts(0, 0).withDataDir(dir.resolve("demo"));
  }

  private static String owner(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static String text(ILoggingEvent e) {
    StringBuilder b = new StringBuilder(e.getFormattedMessage());
    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      b.append(' ').append(t.getMessage());
    }
    return b.toString();
  }
}
