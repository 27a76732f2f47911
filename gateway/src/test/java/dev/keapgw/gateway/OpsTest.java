package dev.keapgw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpsTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  static final dev.keapgw.gateway.feature.ReadinessCheck NOT_ACTIVE =
      () -> "the demo connection is not ACTIVE";

  @AfterEach
  void clean() {
    FIX.gateway().services().readiness().remove(NOT_ACTIVE);
  }

  @Test
  void healthAndReadiness() {
    assertThat(FIX.anonymous().get("/healthz").status()).isEqualTo(200);
    TestHttp.Reply ready = FIX.anonymous().get("/readyz");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    FIX.gateway().services().readiness().add(NOT_ACTIVE);
    TestHttp.Reply not = FIX.anonymous().get("/readyz");
    assertThat(not.status()).isEqualTo(503);
    assertThat(not.json().at("/problems/0").asText()).contains("not ACTIVE");
  }

  @Test
  void metricsCountDataPlaneRequestsByAppAndStatus() {
    FIX.anonymous().get("/keap/crm/rest/v2/contacts"); // 401
    String text = FIX.anonymous().get("/metrics").body();
    assertThat(text).contains("gateway_requests_seconds_count{app=\"keap\",status=\"401\"}");
    assertThat(text).contains("gateway_requests_seconds_bucket");
    assertThat(text).contains("jvm_memory_used_bytes");
  }
}
