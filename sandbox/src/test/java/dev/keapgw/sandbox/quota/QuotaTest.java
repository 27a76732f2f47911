package dev.keapgw.sandbox.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.MutableClock;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxConfig.QuotaLimits;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.http.Caller;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keap's quotas over HTTP, on a clock the test moves. */
class QuotaTest {
  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void the241stApiKeyRequestInAMinuteIsRefusedUntilTheWindowRolls() {
    start(QuotaLimits.keap());
    TestHttp key = apiKey(1, "1");
    for (int i = 1; i <= 240; i++) {
      assertThat(key.get("/users/1").status()).as("request %d", i).isEqualTo(200);
      clock.advanceMillis(200); // 5 a second, under the 10/s spike limit
    }
    TestHttp.Reply refused = key.get("/users/1");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("code").asText()).isEqualTo("429");
    assertThat(refused.json().get("message").asText()).isEqualTo("Quota Exceeded");
    assertThat(refused.json().get("status").asText()).isEqualTo("Request Throttled");
    assertThat(refused.json().get("details").isNull()).isTrue();
    assertThat(refused.header("Retry-After")).isNull();
    assertThat(refused.header("x-keap-product-throttle-available")).isEqualTo("0");
    assertThat(key.get("/users/1").status()).isEqualTo(429);
    assertThat(key.get("/users/1").header("x-keap-product-quota-used"))
        .isEqualTo("240"); // refusals are not counted

    clock.set(START.plusSeconds(60)); // the first second's five requests leave the window
    for (int i = 0; i < 5; i++) {
      assertThat(key.get("/users/1").status()).isEqualTo(200);
    }
    assertThat(key.get("/users/1").status()).isEqualTo(429);
  }

  @Test
  void spikeLimitRefusesTheFourthRequestInASecond() {
    start(limits(1000, 1000, 1000, 1000, 3, 1000, 1000, 2));
    TestHttp key = apiKey(1, "1");
    for (int i = 0; i < 3; i++) {
      assertThat(key.get("/users/1").status()).isEqualTo(200);
    }
    assertThat(key.get("/users/1").status()).isEqualTo(429);
    clock.advanceMillis(900);
    assertThat(key.get("/users/1").status()).isEqualTo(429);
    clock.advanceMillis(100);
    assertThat(key.get("/users/1").status()).isEqualTo(200);

    TestHttp app = oauth(1, "app");
    assertThat(app.get("/users/1").status()).isEqualTo(200);
    assertThat(app.get("/users/1").status()).isEqualTo(200);
    TestHttp.Reply third = app.get("/users/1");
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.header("x-keap-product-spike-limit")).isEqualTo("2ps");
  }

  @Test
  void tenantLimitIsSharedByEveryCallerOfTheTenant() {
    start(limits(1000, 1000, 5, 1000, 1000, 1000, 1000, 1000)
        .withRejectionBody(QuotaLimits.RejectionBody.APIGEE_FAULT));
    TestHttp admin = apiKey(1, "1");
    TestHttp other = apiKey(1, "2");
    TestHttp app = oauth(1, "app");
    for (TestHttp c : new TestHttp[] {admin, other, app, admin, other}) {
      assertThat(c.get("/users/1").status()).isEqualTo(200);
    }
    TestHttp.Reply refused = app.get("/users/1");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().at("/fault/faultstring").asText())
        .isEqualTo(
            "Rate limit quota violation. Quota limit exceeded. Identifier : kx101.infusionsoft.com");
    assertThat(refused.json().at("/fault/detail/errorcode").asText())
        .isEqualTo("policies.ratelimit.QuotaViolation");
    assertThat(refused.header("x-keap-tenant-throttle-available")).isEqualTo("0|995");
    assertThat(other.get("/users/1").status()).isEqualTo(429);
    assertThat(apiKey(2, "1").get("/users/1").status())
        .isEqualTo(200); // another tenant is untouched
  }

  @Test
  void oauthClientLimitsSpanEveryTenantAndTheDayResetsAtMidnightUtc() {
    start(limits(1000, 4, 1000, 1000, 1000, 1000, 1000, 1000));
    TestHttp inFirst = oauth(1, "app");
    TestHttp inSecond = oauth(2, "app");
    for (TestHttp c : new TestHttp[] {inFirst, inSecond, inFirst, inSecond}) {
      assertThat(c.get("/users/1").status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(5)); // beyond the minute: only the day counts
    }
    TestHttp.Reply refused = inSecond.get("/users/1");
    assertThat(refused.status()).isEqualTo(429);
    long midnight = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();
    assertThat(refused.header("x-keap-product-quota-expiry-time"))
        .isEqualTo(Long.toString(midnight));
    assertThat(oauth(1, "another-app").get("/users/1").status()).isEqualTo(200);

    clock.set(Instant.ofEpochMilli(midnight));
    TestHttp.Reply next = inFirst.get("/users/1");
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.header("x-keap-product-quota-used")).isEqualTo("1");
  }

  @Test
  void everyAnswerCarriesHeadersThatCountDown() {
    start(QuotaLimits.keap());
    TestHttp key = apiKey(1, "1");
    TestHttp.Reply first = key.get("/users/1");
    TestHttp.Reply second = key.get("/no-such-path"); // a 404 is counted as well
    assertThat(second.status()).isEqualTo(404);
    assertThat(first.header("x-keap-product-quota-limit")).isEqualTo("30000");
    assertThat(first.header("x-keap-product-quota-time-unit")).isEqualTo("day");
    assertThat(first.header("x-keap-product-quota-interval")).isEqualTo("1");
    assertThat(first.header("x-keap-product-quota-available")).isEqualTo("29999");
    assertThat(second.header("x-keap-product-quota-available")).isEqualTo("29998");
    assertThat(second.header("x-keap-product-quota-used")).isEqualTo("2");
    assertThat(first.header("x-keap-product-throttle-limit")).isEqualTo("240");
    assertThat(first.header("x-keap-product-throttle-time-unit")).isEqualTo("minute");
    assertThat(second.header("x-keap-product-throttle-available")).isEqualTo("238");
    assertThat(second.header("x-keap-product-throttle-used")).isEqualTo("2");
    assertThat(first.header("x-keap-product-spike-limit")).isEqualTo("10ps");
    assertThat(first.header("x-keap-tenant-id")).isEqualTo("kx101.infusionsoft.com");
    assertThat(first.header("x-keap-tenant-throttle-limit")).isEqualTo("10000|250000");
    assertThat(first.header("x-keap-tenant-throttle-time-unit")).isEqualTo("minute|day");
    assertThat(first.header("x-keap-tenant-throttle-interval")).isEqualTo("1|1");
    assertThat(second.header("x-keap-tenant-throttle-available")).isEqualTo("9998|249998");
    assertThat(second.header("x-keap-tenant-throttle-used")).isEqualTo("2|2");

    TestHttp.Reply app = oauth(1, "app").get("/users/1");
    assertThat(app.header("x-keap-product-quota-limit")).isEqualTo("150000");
    assertThat(app.header("x-keap-product-throttle-limit")).isEqualTo("1500");
    assertThat(app.header("x-keap-product-spike-limit")).isEqualTo("25ps");
    assertThat(app.header("x-keap-tenant-throttle-used")).isEqualTo("3|3");
  }

  @Test
  void withQuotasOffNothingIsRefusedButEverythingIsCounted() {
    start(limits(1, 1, 1, 1, 1, 1, 1, 1).withEnforced(false));
    TestHttp key = apiKey(1, "1");
    for (int i = 0; i < 10; i++) {
      assertThat(key.get("/users/1").status()).isEqualTo(200);
    }
    TestHttp.Reply last = key.get("/users/1");
    assertThat(last.header("x-keap-product-quota-used")).isEqualTo("11");
    assertThat(last.header("x-keap-product-quota-available")).isEqualTo("0");
    assertThat(last.header("x-keap-tenant-throttle-used")).isEqualTo("11|11");
  }

  @Test
  void unauthenticatedAnswersCarryTheHeaderNamesWithBlankValues() {
    start(QuotaLimits.keap());
    TestHttp.Reply r = TestHttp.bearer(sandbox.baseUrl(), "garbage").get("/crm/rest/v2/users");
    assertThat(r.status()).isEqualTo(401);
    for (String name : new String[] {
      "x-keap-product-quota-limit",
      "x-keap-product-quota-expiry-time",
      "x-keap-product-throttle-used",
      "x-keap-product-spike-limit",
      "x-keap-tenant-id",
      "x-keap-tenant-throttle-available"
    }) {
      assertThat(r.headers().firstValue(name)).as(name).hasValue("");
    }
  }

  @Test
  void refusalsShowInTheStats() {
    start(limits(1000, 1000, 1000, 1000, 1, 1000, 1000, 1000));
    TestHttp key = apiKey(1, "1");
    key.get("/users/1");
    key.get("/users/1");
    TestHttp control = new TestHttp(sandbox.baseUrl(), java.util.Map.of());
    assertThat(control.get("/_sandbox/stats").json().at("/responses/429").asLong())
        .isEqualTo(1);
  }

  private void start(QuotaLimits limits) {
    sandbox = Sandbox.start(SandboxFixture.testConfig().withQuotas(limits).withClock(clock));
  }

  private static QuotaLimits limits(
      int clientMinute,
      int clientDay,
      int tenantMinute,
      int tenantDay,
      int keySecond,
      int keyMinute,
      int keyDay,
      int spike) {
    return new QuotaLimits(
        true,
        clientMinute,
        clientDay,
        tenantMinute,
        tenantDay,
        keySecond,
        keyMinute,
        keyDay,
        spike);
  }

  private TestHttp apiKey(int tenant, String user) {
    String token = sandbox
        .context()
        .credentials()
        .issueApiKey(Sandbox.tenantId(tenant), user)
        .token();
    return TestHttp.bearer(sandbox.baseUrl() + "/crm/rest/v2", token);
  }

  private TestHttp oauth(int tenant, String clientId) {
    Caller caller = new Caller(Sandbox.tenantId(tenant), "1", clientId, Caller.Kind.OAUTH);
    String token =
        sandbox.context().credentials().issue(caller, null, "KeapAT-").token();
    return TestHttp.bearer(sandbox.baseUrl() + "/crm/rest/v2", token);
  }
}
