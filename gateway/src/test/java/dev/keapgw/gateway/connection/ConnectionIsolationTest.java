package dev.keapgw.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionIsolationTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @Test
  void anotherAccountsConnectionAnswersExactlyLikeAnUnknownId() {
    String keyA = FIX.newAccount("A").key().secret();
    TestHttp b = FIX.as(FIX.newAccount("B").key().secret());
    String idA = ConnectFlow.connect(FIX, keyA);
    String unknown = UUID.randomUUID().toString();

    assertThat(ConnectionApiTest.ids(b.get("/connections"))).isEmpty();
    assertThat(ConnectionApiTest.ids(b.get("/connections?app=keap&status=ACTIVE")))
        .isEmpty();

    for (String method : new String[] {"GET", "DELETE"}) {
      TestHttp.Reply theirs = b.send(method, "/connections/" + idA, null, null);
      TestHttp.Reply none = b.send(method, "/connections/" + unknown, null, null);
      assertThat(theirs.status()).isEqualTo(404);
      assertThat(none.status()).isEqualTo(404);
      assertThat(normalized(theirs, idA)).isEqualTo(normalized(none, unknown));
      assertThat(theirs.headers().map().keySet()).isEqualTo(none.headers().map().keySet());
    }
    TestHttp.Reply still = FIX.as(keyA).get("/connections/" + idA);
    assertThat(still.status()).isEqualTo(200);
    assertThat(still.json().at("/connection/status").asText()).isEqualTo("ACTIVE");
  }

  /** The body with the asked id and the request id blanked out. */
  private static JsonNode normalized(TestHttp.Reply r, String id) {
    JsonNode json = r.json().deepCopy();
    ObjectNode err = (ObjectNode) json.path("error");
    err.remove("request_id");
    err.put("message", err.path("message").asText().replace(id, "<id>"));
    err.put("connection_id", err.path("connection_id").asText().replace(id, "<id>"));
    return json;
  }
}
