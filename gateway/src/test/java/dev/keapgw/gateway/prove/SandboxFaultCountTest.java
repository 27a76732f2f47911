package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.control.Faults;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Found by {@link SecretsEndToEndTest}: a sandbox fault rule with a count fired that many times,
 * was skipped once, and then fired on every request (its counter went below zero, which means
 * "unlimited"). Tests that inject "one 401" or "one 503" then got a second one later.
 */
@Tag("unit")
class SandboxFaultCountTest {
  @Test
  void aCountedRuleFiresExactlyThatManyTimes() {
    Faults faults = new Faults(() -> 0.0);
    faults.add(new Faults.Rule("/token", 1.0, Faults.Kind.STATUS, 0, 503, new AtomicInteger(2)));
    int fired = 0;
    for (int i = 0; i < 10; i++) {
      fired += faults.pick("/token").isPresent() ? 1 : 0;
    }
    assertThat(fired).isEqualTo(2);
    assertThat(faults.rules().get(0).remaining().get()).isZero();
  }

  @Test
  void anUncountedRuleFiresEveryTime() {
    Faults faults = new Faults(() -> 0.0);
    faults.add(new Faults.Rule("/x", 1.0, Faults.Kind.STATUS, 0, 503, new AtomicInteger(-1)));
    for (int i = 0; i < 5; i++) {
      assertThat(faults.pick("/x")).isPresent();
    }
  }
}
