package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.trigger.delivery.RetrySchedule;
import dev.keapgw.gateway.trigger.delivery.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The retry schedule's span and jitter, and the signer against the specification's own example. */
@Tag("unit")
class DeliveryUnitsTest {
  @Test
  void theScheduleRetriesWithinTenSecondsAndKeepsTryingForMoreThanADay() {
    RetrySchedule low = new RetrySchedule(() -> 0.0);
    RetrySchedule high = new RetrySchedule(() -> 0.999);
    assertThat(high.next(1, null)).isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(low.next(1, null)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    Duration total = Duration.ZERO;
    for (int attempt = 1; low.next(attempt, null) != null; attempt++) {
      total = total.plus(low.next(attempt, null));
    }
    assertThat(total).isGreaterThan(Duration.ofDays(1));
    assertThat(low.next(RetrySchedule.maxAttempts(), null)).isNull();
    assertThat(low.next(2, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(low.next(2, Duration.ofDays(9))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void theSignerMatchesTheIndependentVerifier() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    String sig =
        Signer.sign(Secrets.keyBytes(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
    // the example in the Standard Webhooks specification
    assertThat(sig).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    assertThat(WebhookVerifier.verify(
            secret,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "1614265330",
            "v1,bogus " + sig,
            body,
            Instant.ofEpochSecond(1614265330)))
        .isTrue();
    assertThat(WebhookVerifier.verify(
            secret, "msg_other", "1614265330", sig, body, Instant.ofEpochSecond(1614265330)))
        .isFalse();
  }
}
