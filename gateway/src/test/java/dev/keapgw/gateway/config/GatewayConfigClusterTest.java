package dev.keapgw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The cluster settings: defaults and the messages for bad values. */
@Tag("unit")
class GatewayConfigClusterTest {
  static final GatewayConfig OK = GatewayConfig.defaults()
      .withApp(AppConfig.keap("id", "secret"))
      .withKeys(EncryptionKeys.single(Base64.getEncoder().encodeToString(new byte[32])));

  @Test
  void theDefaultIsOneInstanceWithItsEmbeddedStoreAndNoRedis() {
    assertThat(OK.dbUrl()).isNull();
    assertThat(OK.redisUrl()).isNull();
    assertThat(OK.problems()).isEmpty();
    assertThat(OK.withDbUrl("jdbc:postgresql://db:5432/keapgw?user=u&password=p")
            .withRedisUrl("redis://cache:6379")
            .problems())
        .isEmpty();
  }

  @Test
  void badUrlsAreNamedWithoutEchoingCredentials() {
    GatewayConfig.Problem db =
        OK.withDbUrl("jdbc:mysql://db/keapgw?password=hunter2").problems().get(0);
    assertThat(db.setting()).isEqualTo(GatewayConfig.Setting.DB_URL);
    assertThat(db.problem()).contains("jdbc:postgresql://").doesNotContain("hunter2");
    assertThat(OK.withDbUrl("jdbc:mysql://db/keapgw?password=hunter2").problems())
        .hasSize(1);
    assertThat(OK.withRedisUrl("cache:6379").problems())
        .singleElement()
        .extracting(GatewayConfig.Problem::setting)
        .isEqualTo(GatewayConfig.Setting.REDIS_URL);
    assertThat(OK.withRedisUrl("redis://:pw@cache:6379").toString()).doesNotContain("pw@");
  }
}
