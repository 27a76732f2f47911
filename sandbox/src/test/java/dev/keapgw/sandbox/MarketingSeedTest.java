package dev.keapgw.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The campaign, email and automation sample data is the same on every start with the same plan. */
class MarketingSeedTest {
  private static final List<String> PATHS = List.of(
      "/campaigns",
      "/campaigns/1/sequences",
      "/campaigns/2/sequences",
      "/emails",
      "/emails/3",
      "/automations");

  @Test
  void twoStartsWithTheSameClockSeedTheSameData() {
    SandboxConfig config = SandboxFixture.testConfig()
        .withClock(Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC));
    try (Sandbox a = Sandbox.start(config);
        Sandbox b = Sandbox.start(config)) {
      for (String path : PATHS) {
        String bodyA = api(a).get(path).body();
        assertThat(api(b).get(path).body()).as(path).isEqualTo(bodyA);
      }
      // the second tenant gets its own variation
      assertThat(tenant2(a).get("/campaigns/1/sequences").body())
          .isNotEqualTo(api(a).get("/campaigns/1/sequences").body());
    }
  }

  private static TestHttp api(Sandbox s) {
    String key = s.context().credentials().issueApiKey(Sandbox.tenantId(1), "1").token();
    return TestHttp.bearer(s.baseUrl() + "/crm/rest/v2", key);
  }

  private static TestHttp tenant2(Sandbox s) {
    String key = s.context().credentials().issueApiKey(Sandbox.tenantId(2), "1").token();
    return TestHttp.bearer(s.baseUrl() + "/crm/rest/v2", key);
  }
}
