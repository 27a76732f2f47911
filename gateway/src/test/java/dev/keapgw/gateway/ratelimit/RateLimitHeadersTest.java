package dev.keapgw.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code X-RateLimit-*} headers mean what docs/API.md says, on the gateway's clock: Limit is
 * how many requests pass at once (the rate plus the burst), Remaining how many pass now, Reset
 * the seconds until Remaining is back at Limit; and exactly Limit requests pass from a full
 * bucket, then the rate.
 */
class RateLimitHeadersTest {
  static final MutableClock CLOCK = new MutableClock("2026-05-01T08:00:00Z");
  static final String PATH = "/keap/crm/rest/v2/oauth/connect/userinfo";
  static final int RATE = 2;
  static final int BURST = 20;

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(
      s -> s.withClock(CLOCK).withQuotas(s.quotas().withEnforced(false)),
      g -> g.withClock(CLOCK).withLimits(new GatewayConfig.Limits(10, BURST, 0)));

  static AccountService.NewAccount acct;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("limited");
    DirectConnections.activate(FIX, acct.account().id());
    FIX.gateway().services().accounts().setRateLimit(acct.account().id(), RATE);
  }

  @Test
  void exactlyRatePlusBurstPassAtOnceThenTheRateAndTheHeadersCountDown() {
    TestHttp api = FIX.as(acct.key().secret());
    int limit = RATE + BURST;
    for (int i = 1; i <= limit; i++) {
      TestHttp.Reply r = api.get(PATH);
      assertThat(r.status()).as("request %d of %d", i, limit).isEqualTo(200);
      assertThat(r.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(limit));
      assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(limit - i));
      // the bucket is full again after the requests spent so far, refilled at RATE per second
      assertThat(r.header("X-RateLimit-Reset")).isEqualTo(Integer.toString((i + RATE - 1) / RATE));
    }
    TestHttp.Reply refused = api.get(PATH);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().at("/error/type").asText()).isEqualTo("rate_limited");
    assertThat(refused.json().at("/error/message").asText())
        .contains(RATE + " requests per second")
        .contains("up to " + limit + " at once");
    assertThat(refused.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(limit));
    assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(Integer.toString(limit / RATE));

    CLOCK.advance(Duration.ofSeconds(1));
    for (int i = 1; i <= RATE; i++) {
      TestHttp.Reply r = api.get(PATH);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(RATE - i));
    }
    assertThat(api.get(PATH).status()).isEqualTo(429);

    CLOCK.advance(Duration.ofSeconds(limit / RATE));
    assertThat(api.get(PATH).header("X-RateLimit-Remaining"))
        .isEqualTo(Integer.toString(limit - 1));
  }
}
