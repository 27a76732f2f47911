package dev.keapgw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The configuration tree: the builder, and problems typed by setting. */
@Tag("unit")
class GatewayConfigTest {
  private static final GatewayConfig OK = GatewayConfig.builder()
      .app(AppConfig.keap("id", "secret"))
      .keys(EncryptionKeys.single(Base64.getEncoder().encodeToString(new byte[32])))
      .build();

  @Test
  void theBuilderChangesOnlyWhatItIsTold() {
    GatewayConfig c = OK.toBuilder().port(9000).adminToken("adm").build();
    assertThat(c.port()).isEqualTo(9000);
    assertThat(c.adminToken()).isEqualTo("adm");
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.withPort(OK.port()).withAdminToken(null)).isEqualTo(OK);
    assertThat(c.tuning()).isEqualTo(Tuning.defaults());
    assertThat(OK.problems()).isEmpty();
  }

  @Test
  void anAppOfTheSameNameIsReplacedAndOthersKept() {
    GatewayConfig c = OK.withApp(AppConfig.keap("id2", "s2"));
    assertThat(c.apps()).hasSize(1);
    assertThat(c.apps().get("keap").clientId()).isEqualTo("id2");
  }

  @Test
  void eachProblemNamesItsSetting() {
    assertThat(OK.withPort(70_000).problems())
        .extracting(GatewayConfig.Problem::setting)
        .containsExactly(GatewayConfig.Setting.PORT);
    assertThat(OK.withHost(" ").withKeys(null).problems())
        .extracting(GatewayConfig.Problem::setting)
        .containsExactly(GatewayConfig.Setting.HOST, GatewayConfig.Setting.ENCRYPTION_KEY);
    assertThat(OK.withApp(AppConfig.keap(" ", null)).problems())
        .extracting(GatewayConfig.Problem::setting)
        .containsExactly(GatewayConfig.Setting.CLIENT_ID, GatewayConfig.Setting.CLIENT_SECRET);
    assertThat(OK.withLimits(new GatewayConfig.Limits(0, -1, -1)).problems())
        .extracting(GatewayConfig.Problem::setting)
        .containsExactly(
            GatewayConfig.Setting.ACCOUNT_RATE_LIMIT,
            GatewayConfig.Setting.ACCOUNT_BURST,
            GatewayConfig.Setting.UPSTREAM_QUOTA_PER_MINUTE);
    GatewayConfig.Timeouts t = OK.timeouts();
    assertThat(OK.withTimeouts(new GatewayConfig.Timeouts(
                Duration.ZERO,
                Duration.ofSeconds(-1),
                t.refreshMargin(),
                t.keepAliveEvery(),
                t.connectSession(),
                t.refreshBackoffMax(),
                t.requestBody(),
                t.upstreamPoolWait()))
            .problems())
        .extracting(GatewayConfig.Problem::setting)
        .containsExactly(
            GatewayConfig.Setting.UPSTREAM_CONNECT_TIMEOUT,
            GatewayConfig.Setting.UPSTREAM_RESPONSE_TIMEOUT);
    assertThat(OK.withPort(-1).problems().get(0).toString())
        .isEqualTo("port: must be between 0 and 65535, not -1");
  }
}
