package dev.keapgw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.ratelimit.Throttle;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's sign-ins slow guessing the way the admin API does: after {@value
 * Throttle#WRONG_CREDENTIAL_BURST} wrong API keys or admin tokens from one address, it is answered
 * 429 before its credential is looked at, the right one included, until a second per further
 * attempt has passed (on the gateway's injected clock).
 */
class ConsoleSignInThrottleTest {
  static final MutableClock CLOCK = new MutableClock("2026-01-01T00:00:00Z");

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> g.withClock(CLOCK));

  private static ConsoleClient client() {
    return new ConsoleClient(FIX.gateway().baseUrl());
  }

  @Test
  void wrongKeysAndTokensFromOneAddressAreSlowedBeforeTheyAreLookedAt() {
    AccountService.NewAccount a = FIX.newAccount("throttled");
    for (int i = 0; i < Throttle.WRONG_CREDENTIAL_BURST; i++) {
      assertThat(client().signIn("kgw_guess-" + i).status()).isEqualTo(401);
    }
    TestHttp.Reply slowed = client().signIn("kgw_guess-again");
    assertThat(slowed.status()).isEqualTo(429);
    assertThat(slowed.json().at("/error/type").asText()).isEqualTo("rate_limited");
    assertThat(slowed.json().at("/error/message").asText()).contains("wrong API keys");
    assertThat(slowed.header("Retry-After")).isEqualTo("1");
    ConsoleClient right = client();
    TestHttp.Reply refused = right.signIn(a.key().secret());
    assertThat(refused.status()).as("even the right key waits").isEqualTo(429);
    assertThat(refused.header("Set-Cookie")).isNull();
    assertThat(client().operatorSignIn(GatewayFixture.ADMIN_TOKEN).status())
        .as("one allowance per address")
        .isEqualTo(429);

    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(right.signIn(a.key().secret()).status()).isEqualTo(200);
    assertThat(right.get("/console/api/connections").status()).isEqualTo(200);
    assertThat(client().signIn("kgw_one-more-guess").status()).isEqualTo(401);
    assertThat(client().signIn(a.key().secret()).status()).isEqualTo(429);

    CLOCK.advance(Duration.ofSeconds(Throttle.WRONG_CREDENTIAL_BURST));
    for (int i = 0; i < Throttle.WRONG_CREDENTIAL_BURST; i++) {
      assertThat(
              client().operatorSignIn("wrong-admin-token-0123456789abcdef-" + i).status())
          .isEqualTo(401);
    }
    TestHttp.Reply operator = client().operatorSignIn(GatewayFixture.ADMIN_TOKEN);
    assertThat(operator.status()).isEqualTo(429);
    assertThat(operator.json().at("/error/message").asText()).contains("wrong admin tokens");
    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(client().operatorSignIn(GatewayFixture.ADMIN_TOKEN).status()).isEqualTo(200);
    assertThat(FIX.anonymous().get("/metrics").body())
        .contains("gateway_console_refusals_total{reason=\"throttled\"}");
  }
}
