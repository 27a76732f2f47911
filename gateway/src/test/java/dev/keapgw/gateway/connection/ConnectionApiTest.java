package dev.keapgw.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionApiTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  @Test
  void createAnswers201PendingWithEveryFieldAndAWorkingLink() {
    TestHttp api = FIX.as(FIX.newAccount("Creator").key().secret());
    TestHttp.Reply r = api.post("/connections", Map.of("app", "keap"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode c = r.json().path("connection");
    ConnectionShape.assertShape(c, "PENDING");
    assertThat(c.path("metadata").isObject()).isTrue();
    assertThat(c.path("metadata").size()).isZero();
    assertThat(c.path("failure_reason").isNull()).isTrue();
    assertThat(c.path("url").asText())
        .matches(FIX.gateway().baseUrl() + "/connect\\?session_token=[A-Za-z0-9_-]{43}");
    assertThat(c.path("creation_time").asText())
        .isEqualTo(c.path("last_updated_time").asText());

    JsonNode got =
        api.get("/connections/" + c.path("connection_id").asText()).json().path("connection");
    // reading one adds how its tokens are doing beside Maton's fields
    assertThat(got.path("token_health").isObject()).isTrue();
    JsonNode matonFields =
        ((com.fasterxml.jackson.databind.node.ObjectNode) got.deepCopy()).without("token_health");
    assertThat(matonFields).isEqualTo(c);
  }

  /** What {@code curl -d '{"app":"keap"}'} sends: JSON labelled as a form. */
  @Test
  void aJsonBodyIsReadAsJsonWhateverItsContentTypeAndANonJsonBodyIsStillA400() {
    TestHttp api = FIX.as(FIX.newAccount("Curl user").key().secret());
    for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", null}) {
      TestHttp.Reply r = api.send("POST", "/connections", type, "{\"app\":\"keap\"}");
      assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(201);
      assertThat(r.json().at("/connection/status").asText()).isEqualTo("PENDING");
    }
    TestHttp.Reply form =
        api.send("POST", "/connections", "application/x-www-form-urlencoded", "app=keap");
    assertThat(form.status()).isEqualTo(400);
    assertThat(form.json().at("/error/type").asText()).isEqualTo("invalid_request");
    assertThat(form.json().at("/error/message").asText()).contains("not valid JSON");
    TestHttp.Reply admin = FIX.admin()
        .send(
            "POST",
            "/admin/accounts",
            "application/x-www-form-urlencoded",
            "{\"name\":\"Curl account\"}");
    assertThat(admin.status()).as(admin.body()).isEqualTo(201);
  }

  @Test
  void listFiltersByAppAndStatusOldestFirst() {
    String key = FIX.newAccount("Lister").key().secret();
    TestHttp api = FIX.as(key);
    assertThat(api.get("/connections").json().path("connections")).isEmpty();
    String pending = ConnectFlow.create(FIX, key).path("connection_id").asText();
    String active = ConnectFlow.connect(FIX, key);

    assertThat(ids(api.get("/connections"))).containsExactly(pending, active);
    assertThat(ids(api.get("/connections?app=keap"))).containsExactly(pending, active);
    assertThat(ids(api.get("/connections?app=keap&status=ACTIVE"))).containsExactly(active);
    assertThat(ids(api.get("/connections?status=PENDING"))).containsExactly(pending);
    assertThat(ids(api.get("/connections?status=pending"))).containsExactly(pending);
    assertThat(ids(api.get("/connections?status=FAILED"))).isEmpty();
    assertThat(ids(api.get("/connections?app=&status="))).containsExactly(pending, active);
    for (JsonNode c : api.get("/connections").json().path("connections")) {
      ConnectionShape.assertShape(
          c, c.path("connection_id").asText().equals(active) ? "ACTIVE" : "PENDING");
    }
  }

  @Test
  void badFiltersAndBodiesAre400() {
    TestHttp api = FIX.as(FIX.newAccount("Sloppy").key().secret());
    TestHttp.Reply status = api.get("/connections?status=BROKEN");
    assertThat(status.status()).isEqualTo(400);
    assertThat(status.json().at("/error/type").asText()).isEqualTo("invalid_request");
    assertThat(status.json().at("/error/field").asText()).isEqualTo("status");
    assertThat(status.json().at("/error/message").asText()).contains("PENDING, ACTIVE or FAILED");

    for (TestHttp.Reply r : List.of(
        api.get("/connections?app=hubspot"),
        api.post("/connections", Map.of("app", "hubspot")),
        api.post("/connections", Map.of("app", "connections")))) {
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("unknown_app");
      assertThat(r.json().at("/error/known_apps").asText()).isEqualTo("keap");
      assertThat(r.json().at("/error/message").asText()).contains("keap");
    }
    for (TestHttp.Reply r : List.of(
        api.post("/connections", Map.of()),
        api.post("/connections", ""),
        api.post("/connections", Map.of("app", 7)),
        api.post("/connections", "{\"app\":"))) {
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("invalid_request");
    }
    assertThat(api.post("/connections", Map.of()).json().at("/error/field").asText())
        .isEqualTo("app");
    assertThat(api.get("/connections").json().path("connections")).isEmpty();
  }

  @Test
  void deleteAnswersTheConnectionAndForgetsIt() {
    String key = FIX.newAccount("Deleter").key().secret();
    TestHttp api = FIX.as(key);
    String id = ConnectFlow.connect(FIX, key);
    TestHttp.Reply r = api.delete("/connections/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("deleted").asBoolean()).isTrue();
    JsonNode c = r.json().path("connection");
    assertThat(c.path("connection_id").asText()).isEqualTo(id);
    assertThat(c.path("status").asText()).isEqualTo("ACTIVE");
    for (String f : ConnectionShape.FIELDS) {
      assertThat(c.has(f)).as(f).isTrue();
    }
    assertThat(api.get("/connections/" + id).status()).isEqualTo(404);
    assertThat(api.delete("/connections/" + id).status()).isEqualTo(404);
    assertThat(ids(api.get("/connections"))).isEmpty();
  }

  @Test
  void withoutAKeyIs401() {
    assertThat(FIX.anonymous().get("/connections").status()).isEqualTo(401);
    assertThat(FIX.anonymous().post("/connections", Map.of("app", "keap")).status())
        .isEqualTo(401);
    assertThat(FIX.as("kgw_bad").get("/connections/x").status()).isEqualTo(401);
  }

  static List<String> ids(TestHttp.Reply list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    list.json().path("connections").forEach(c -> out.add(c.path("connection_id").asText()));
    return out;
  }
}
