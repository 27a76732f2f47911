package dev.keapgw.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.SandboxFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commerce sample data is the same on every start, given the same clock. */
class CommerceSeedTest {
  private static SandboxConfig fixedClock() {
    return SandboxFixture.testConfig()
        .withClock(Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
  }

  @RegisterExtension
  static final SandboxFixture ONE = new SandboxFixture(fixedClock());

  @RegisterExtension
  static final SandboxFixture TWO = new SandboxFixture(fixedClock());

  @Test
  void seedingIsDeterministic() {
    for (String path : new String[] {"/products", "/orders", "/subscriptions", "/affiliates"}) {
      String first = ONE.api().get(path).body();
      assertThat(TWO.api().get(path).body()).as(path).isEqualTo(first);
      assertThat(first).as(path).contains("\"id\":\"1\"");
    }
    assertThat(ONE.api().get("/orders/1").json().get("creation_time").asText()).startsWith("202");
  }
}
