package dev.keapgw.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.FileJournal;
import dev.keapgw.sandbox.store.Journal;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir}: what one sandbox wrote, the next one on the same directory finds, unseeded. */
class PersistenceTest {
  @TempDir
  Path dataDir;

  @Test
  void aRestartedSandboxReplaysItsDataAndDoesNotSeedAgain() {
    SandboxConfig config = SandboxFixture.testConfig().withDataDir(dataDir);
    String id;
    int usersBefore;
    try (Sandbox first = Sandbox.start(config)) {
      Table users = first.context().world().tenant(Sandbox.tenantId(1)).table("users");
      ObjectNode user = Json.object().put("given_name", "Persisted").put("family_name", "Person");
      user.putArray("email_addresses")
          .addObject()
          .put("email", "persisted@example.com")
          .put("field", "EMAIL1");
      id = Long.toString(users.insert(user));
      usersBefore = users.size();
      assertThat(api(first).get("/users/" + id).status()).isEqualTo(200);
    }

    try (Sandbox second = Sandbox.start(config)) {
      TestHttp.Reply found = api(second).get("/users/" + id);
      assertThat(found.status()).isEqualTo(200);
      assertThat(found.json().get("given_name").asText()).isEqualTo("Persisted");
      assertThat(api(second)
              .get("/users?filter=email==persisted@example.com")
              .json()
              .get("users"))
          .hasSize(1);
      assertThat(second
              .context()
              .world()
              .tenant(Sandbox.tenantId(1))
              .table("users")
              .size())
          .isEqualTo(usersBefore);
      assertThat(api(second).get("/users?page_size=100").json().get("users")).hasSize(usersBefore);
      assertThat(second.context().world().tenants()).hasSize(config.tenants());
    }
  }

  @Test
  void anIdIsNeverHandedOutTwiceAcrossARestart() {
    SandboxConfig config = SandboxFixture.testConfig().withDataDir(dataDir);
    long deleted;
    try (Sandbox first = Sandbox.start(config)) {
      TestHttp.Reply created = api(first).post("/tags", Json.object().put("name", "Short-lived"));
      assertThat(created.status()).isEqualTo(201);
      deleted = created.json().get("id").asLong();
      assertThat(api(first).delete("/tags/" + deleted).status()).isEqualTo(204);
    }

    try (Sandbox second = Sandbox.start(config)) {
      TestHttp.Reply created = api(second).post("/tags", Json.object().put("name", "Newcomer"));
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.json().get("id").asLong()).isGreaterThan(deleted);
    }
  }

  @Test
  void aReplayedRemovalCountsAsAnIdHandedOut() throws Exception {
    // a journal whose line for the row itself is gone (trimmed by hand, say) still keeps its id
    Files.writeString(dataDir.resolve("sandbox-journal.tsv"), "D\tt1\ttags\t41\n");
    World world = new World(List.of(TableSpec.of("tags")), Journal.NONE, Clock.systemUTC());
    try (FileJournal journal = new FileJournal(dataDir)) {
      assertThat(journal.replay(world)).isEqualTo(1);
    }
    assertThat(world.tenant("t1").table("tags").nextId()).isEqualTo(42);
  }

  private static TestHttp api(Sandbox s) {
    String key = s.context().credentials().issueApiKey(Sandbox.tenantId(1), "1").token();
    return TestHttp.bearer(s.baseUrl() + "/crm/rest/v2", key);
  }
}
