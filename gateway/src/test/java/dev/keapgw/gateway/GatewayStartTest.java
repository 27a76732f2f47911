package dev.keapgw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayStartTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @Test
  void unknownPathUnderAReservedNameIsA404InTheEnvelopeWithARequestId() {
    TestHttp.Reply r = FIX.anonymous().get("/user/nope/nothing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().at("/error/type").asText()).isEqualTo("not_found");
    assertThat(r.json().at("/error/request_id").asText()).isEqualTo(r.header("X-Request-Id"));
  }
}
