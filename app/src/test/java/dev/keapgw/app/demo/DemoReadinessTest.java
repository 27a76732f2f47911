package dev.keapgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.http.Listener;
import dev.keapgw.sandbox.TestHttp;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script that waits for {@code /readyz} and then calls the gateway with the demo's key: the
 * first 200 must mean the key works and the connection is ACTIVE, however early it is asked.
 */
class DemoReadinessTest {
  @TempDir
  Path dir;

  @Test
  void theFirstReadyAnswerIsFollowedByAWorkingCallWithTheDemoKey() throws Exception {
    String host = "127.0.0.1";
    int port = Listener.freePort(host);
    String key = "readiness-probe-key-5d2e";
    DemoOptions options = DemoOptions.defaults()
        .withPorts(port, 0)
        .withDataDir(dir.resolve("demo"))
        .withMatonApiKey(key);
    CompletableFuture<RunningDemo> started =
        CompletableFuture.supplyAsync(() -> Demo.start(options));
    String base = "http://" + host + ":" + port;
    TestHttp anonymous = new TestHttp(base, Map.of());
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    try {
      while (true) {
        assertThat(Instant.now()).as("/readyz never answered 200").isBefore(giveUp);
        if (started.isCompletedExceptionally()) {
          started.join(); // throws: the demo did not start
        }
        TestHttp.Reply ready;
        try {
          ready = anonymous.get("/readyz");
        } catch (UncheckedIOException notListeningYet) {
          continue;
        }
        if (ready.status() == 200) {
          break;
        }
        assertThat(ready.status()).as(ready.body()).isEqualTo(503);
      }
      // at once, as a script would: the key works and the connection serves
      TestHttp caller = TestHttp.bearer(base, key);
      TestHttp.Reply contacts = caller.get("/keap/crm/rest/v2/contacts?page_size=1");
      assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
      TestHttp.Reply connections = caller.get("/connections");
      assertThat(connections.json().at("/connections/0/status").asText()).isEqualTo("ACTIVE");
    } finally {
      started.get(3, TimeUnit.MINUTES).close();
    }
  }
}
