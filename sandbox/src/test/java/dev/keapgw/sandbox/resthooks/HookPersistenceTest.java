package dev.keapgw.sandbox.resthooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, subscriptions outlive a restart and keep receiving events. */
class HookPersistenceTest {
  @TempDir
  Path dir;

  @Test
  void aVerifiedHookIsStillVerifiedAndDeliveredToAfterARestart() {
    SandboxConfig config = SandboxFixture.testConfig()
        .withTenants(1, 0, false)
        .withDataDir(dir)
        .withHookDelay(Duration.ofMillis(10));
    try (HookReceiver receiver = new HookReceiver()) {
      String key;
      try (Sandbox first = Sandbox.start(config)) {
        key = HookDeliveryTest.subscribe(v1(first), "contact.add", receiver);
      }
      try (Sandbox second = Sandbox.start(config)) {
        assertThat(v1(second).get("/hooks/" + key).json().path("status").asText())
            .isEqualTo("Verified");
        String id = v2(second)
            .post(
                "/contacts",
                Map.of("email_addresses", List.of(Map.of("email", "after.restart@example.com"))))
            .json()
            .path("id")
            .asText();
        assertThat(HookDeliveryTest.onlyObject(receiver.nextDelivery().json())
                .path("id")
                .asText())
            .isEqualTo(id);
      }
    }
  }

  private static TestHttp v1(Sandbox s) {
    return TestHttp.bearer(s.baseUrl() + "/crm/rest/v1", key(s));
  }

  private static TestHttp v2(Sandbox s) {
    return TestHttp.bearer(s.baseUrl() + "/crm/rest/v2", key(s));
  }

  private static String key(Sandbox s) {
    return s.context().credentials().issueApiKey(Sandbox.tenantId(1), "1").token();
  }
}
