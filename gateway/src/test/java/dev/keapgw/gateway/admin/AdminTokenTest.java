package dev.keapgw.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.ratelimit.Throttle;
import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin token is long enough not to be guessed, and guessing is slowed: an address that sent
 * {@value Throttle#WRONG_CREDENTIAL_BURST} wrong tokens is answered 429 before its token is read, the
 * right one included, until a second per further attempt has passed (pen-test finding 13).
 */
class AdminTokenTest {
  static final MutableClock CLOCK = new MutableClock("2026-01-01T00:00:00Z");

  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture(s -> s, g -> g.withClock(CLOCK));

  @Test
  void aShortAdminTokenIsRefusedInOneLine() {
    GatewayConfig c = FIX.gateway().services().config();
    assertThat(c.withAdminToken("a").problems())
        .extracting(Object::toString)
        .containsExactly(
            "admin token: must be at least 32 characters (it guards every account), not 1;"
                + " make one with `openssl rand -base64 32`");
    assertThat(c.withAdminToken("x".repeat(31)).problems())
        .extracting(GatewayConfig.Problem::setting)
        .containsExactly(GatewayConfig.Setting.ADMIN_TOKEN);
    assertThat(c.withAdminToken("x".repeat(32)).problems()).isEmpty();
    assertThat(c.withAdminToken(null).problems()).isEmpty();
  }

  @Test
  void wrongTokensAreSlowedBeforeTheTokenIsLookedAt() {
    TestHttp wrong = FIX.as("wrong-admin-token-0123456789abcdef-guess");
    for (int i = 0; i < Throttle.WRONG_CREDENTIAL_BURST; i++) {
      assertThat(wrong.get("/admin/accounts").status()).isEqualTo(401);
    }
    TestHttp.Reply slowed = wrong.get("/admin/accounts");
    assertThat(slowed.status()).isEqualTo(429);
    assertThat(slowed.json().at("/error/type").asText()).isEqualTo("rate_limited");
    assertThat(slowed.header("Retry-After")).isEqualTo("1");
    // even the right token waits: a guess that happens to be right gains nothing
    assertThat(FIX.admin().get("/admin/accounts").status()).isEqualTo(429);

    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(FIX.admin().get("/admin/accounts").status()).isEqualTo(200);
    assertThat(wrong.get("/admin/accounts").status()).isEqualTo(401);
    assertThat(wrong.get("/admin/accounts").status()).isEqualTo(429);
    CLOCK.advance(Duration.ofSeconds(Throttle.WRONG_CREDENTIAL_BURST));
    assertThat(FIX.admin().get("/admin/accounts").status()).isEqualTo(200);
  }
}
