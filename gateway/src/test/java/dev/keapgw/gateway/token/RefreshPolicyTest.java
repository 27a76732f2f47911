package dev.keapgw.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When to refresh and how long to back off, without a clock or a store. */
@Tag("unit")
class RefreshPolicyTest {
  static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  private static RefreshPolicy policy(double random) {
    return new RefreshPolicy(Duration.ofMinutes(15), Duration.ofMinutes(10), () -> random);
  }

  @Test
  void aTokenIsDueTheMarginBeforeItExpires() {
    Instant expires = T0.plus(Duration.ofHours(24));
    assertThat(policy(0.5).due(T0, expires, expires.minus(Duration.ofMinutes(16))))
        .isFalse();
    assertThat(policy(0.5).due(T0, expires, expires.minus(Duration.ofMinutes(15))))
        .isTrue();
    assertThat(policy(0.5).due(T0, null, T0)).as("no known expiry").isTrue();
  }

  @Test
  void aShortLivedTokenIsDueHalfWayThroughItsLife() {
    Instant expires = T0.plus(Duration.ofMinutes(10));
    assertThat(policy(0.5).effectiveMargin(T0, expires)).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy(0.5).due(T0, expires, T0.plus(Duration.ofMinutes(4)))).isFalse();
    assertThat(policy(0.5).due(T0, expires, T0.plus(Duration.ofMinutes(5)))).isTrue();
    assertThat(policy(0.5).effectiveMargin(null, expires)).isEqualTo(Duration.ZERO);
  }

  @Test
  void theBackoffDoublesFromTwoSecondsWithinItsJitterUpToTheMaximum() {
    assertThat(policy(0.5).nextAttempt(1, T0)).isEqualTo(T0.plusSeconds(2));
    assertThat(policy(0.5).nextAttempt(3, T0)).isEqualTo(T0.plusSeconds(8));
    assertThat(policy(0.0).nextAttempt(1, T0)).as("jitter -20%").isEqualTo(T0.plusMillis(1600));
    assertThat(policy(1.0).nextAttempt(1, T0)).as("jitter +20%").isEqualTo(T0.plusMillis(2400));
    assertThat(policy(0.5).nextAttempt(10, T0)).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(policy(0.5).nextAttempt(1_000, T0))
        .as("no overflow however many failures")
        .isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }
}
