package dev.keapgw.gateway.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The upstream misbehaving during the connect flow, through the sandbox's fault injection. */
class ConnectFailuresTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @AfterEach
  void clearFaults() {
    FIX.sandboxControl().delete("/_sandbox/faults");
  }

  private static void fault(String pathPrefix, int status) {
    TestHttp.Reply r = FIX.sandboxControl()
        .post(
            "/_sandbox/faults",
            Map.of("path_prefix", pathPrefix, "kind", "status", "status", status));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void aFailingUserinfoStillActivatesWithTheTenantFromTheScope() {
    String key = FIX.newAccount("No userinfo").key().secret();
    fault("/crm/rest/v2/oauth/connect/userinfo", 503);
    JsonNode created = ConnectFlow.create(FIX, key);
    ConnectFlow.Steps steps = ConnectFlow.open(created.path("url").asText());
    assertThat(steps.callback().status()).as(steps.callback().body()).isEqualTo(200);

    JsonNode c = FIX.as(key)
        .get("/connections/" + created.path("connection_id").asText())
        .json()
        .path("connection");
    assertThat(c.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(c.path("metadata").path("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
    assertThat(c.path("metadata").has("email")).isFalse();
  }

  @Test
  void aFailingTokenEndpointMarksFailedAndAReconnectRecovers() {
    String key = FIX.newAccount("Token trouble").key().secret();
    fault("/token", 500);
    JsonNode created = ConnectFlow.create(FIX, key);
    String id = created.path("connection_id").asText();
    ConnectFlow.Steps steps = ConnectFlow.open(created.path("url").asText());
    assertThat(steps.callback().status()).isEqualTo(200);
    assertThat(steps.callback().body()).contains("The connection was not made").contains("500");

    JsonNode failed = FIX.as(key).get("/connections/" + id).json().path("connection");
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("failure_reason").asText())
        .contains("did not grant tokens")
        .contains("open this connection's url");

    clearFaults();
    assertThat(ConnectFlow.open(failed.path("url").asText()).callback().status())
        .isEqualTo(200);
    assertThat(FIX.as(key)
            .get("/connections/" + id)
            .json()
            .at("/connection/status")
            .asText())
        .isEqualTo("ACTIVE");
  }
}
