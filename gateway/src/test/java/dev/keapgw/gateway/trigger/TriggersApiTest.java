package dev.keapgw.gateway.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.sandbox.TestHttp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Triggers API's shapes over HTTP: create (secret shown once, masked after), list with
 * filters and pages, read, change, delete; destinations and rotate-secret; errors in the
 * gateway's envelope naming the field; another account's ids answered as unknown ones.
 */
class TriggersApiTest {
  @RegisterExtension
  static final GatewayFixture FIX =
      new GatewayFixture(s -> s, g -> g.withAllowPrivateDestinations(true));

  static TestHttp as(AccountService.NewAccount a) {
    return FIX.as(a.key().secret());
  }

  static Map<String, Object> gatewayTrigger(String url) {
    return Map.of(
        "source",
        "gateway",
        "event_type",
        "connection.failed",
        "name",
        "ops",
        "destinations",
        List.of(Map.of("url", url, "name", "pager")));
  }

  @Test
  void createAnswers201WithTheShapeAndTheSecretOnceThenMasked() {
    AccountService.NewAccount a = FIX.newAccount("api-shape");
    TestHttp.Reply r = as(a)
        .post(
            "/triggers",
            Map.of(
                "source",
                "gateway",
                "event_type",
                "connection.failed",
                "name",
                "ops",
                "description",
                "page me",
                "parameters",
                Map.of("x", 1),
                "destinations",
                List.of(Map.of(
                    "url",
                    "https://example.com/hook",
                    "name",
                    "pager",
                    "headers",
                    Map.of("X-Team", "ops")))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode t = r.json().path("trigger");
    assertThat(t.path("trigger_id").asText()).isNotEmpty();
    assertThat(t.path("source").asText()).isEqualTo("gateway");
    assertThat(t.path("event_type").asText()).isEqualTo("connection.failed");
    assertThat(t.path("name").asText()).isEqualTo("ops");
    assertThat(t.path("description").asText()).isEqualTo("page me");
    assertThat(t.path("parameters").path("x").asInt()).isEqualTo(1);
    assertThat(t.path("connection_id").isNull()).isTrue();
    assertThat(t.path("status").asText()).isEqualTo("ENABLED");
    assertThat(t.path("created_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(t.path("updated_at").asText()).isEqualTo(t.path("created_at").asText());
    JsonNode d = t.path("destinations").get(0);
    assertThat(d.path("destination_id").asText()).isNotEmpty();
    assertThat(d.path("url").asText()).isEqualTo("https://example.com/hook");
    assertThat(d.path("name").asText()).isEqualTo("pager");
    assertThat(d.path("status").asText()).isEqualTo("ENABLED");
    assertThat(d.path("reason").isNull()).isTrue();
    String secret = d.path("signing_secret").asText();
    assertThat(secret).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);

    String id = t.path("trigger_id").asText();
    String did = d.path("destination_id").asText();
    JsonNode read = as(a).get("/triggers/" + id).json().path("trigger");
    String masked = read.at("/destinations/0/signing_secret").asText();
    assertThat(masked)
        .isNotEqualTo(secret)
        .startsWith("whsec_****")
        .endsWith(secret.substring(secret.length() - 4));
    JsonNode one = as(a).get("/triggers/" + id + "/destinations/" + did).json().path("destination");
    assertThat(one.path("signing_secret").asText()).isEqualTo(masked);
    assertThat(one.path("headers").path("X-Team").asText()).isEqualTo("ops");
    assertThat(as(a)
            .get("/triggers/" + id + "/destinations")
            .json()
            .at("/destinations/0/signing_secret")
            .asText())
        .isEqualTo(masked);

    TestHttp.Reply rotated =
        as(a).post("/triggers/" + id + "/destinations/" + did + "/rotate-secret", Map.of());
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String fresh = rotated.json().path("signing_secret").asText();
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(secret);
    assertThat(as(a)
            .get("/triggers/" + id + "/destinations/" + did)
            .json()
            .at("/destination/signing_secret")
            .asText())
        .endsWith(fresh.substring(fresh.length() - 4))
        .doesNotContain(fresh.substring(6, 20));
  }

  @Test
  void listFiltersAndPagesWithNextToken() {
    AccountService.NewAccount a = FIX.newAccount("api-list");
    Set<String> made = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      made.add(as(a)
          .post("/triggers", gatewayTrigger("https://example.com/" + i))
          .json()
          .at("/trigger/trigger_id")
          .asText());
    }
    String disabled = made.iterator().next();
    assertThat(as(a)
            .patch("/triggers/" + disabled, Map.of("status", "DISABLED"))
            .json()
            .at("/trigger/status")
            .asText())
        .isEqualTo("DISABLED");
    Set<String> seen = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      TestHttp.Reply r =
          as(a).get("/triggers?limit=2" + (token == null ? "" : "&next_token=" + token));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      r.json()
          .path("triggers")
          .forEach(t -> assertThat(seen.add(t.path("trigger_id").asText())).isTrue());
      token = r.json().path("next_token").isNull()
          ? null
          : r.json().path("next_token").asText();
      pages++;
    } while (token != null);
    assertThat(seen).isEqualTo(made);
    assertThat(pages).isEqualTo(3);
    JsonNode onlyDisabled = as(a).get("/triggers?status=DISABLED").json().path("triggers");
    assertThat(onlyDisabled).hasSize(1);
    assertThat(onlyDisabled.get(0).path("trigger_id").asText()).isEqualTo(disabled);
    assertThat(as(a).get("/triggers?source=keap").json().path("triggers")).isEmpty();
    assertThat(as(a).get("/triggers?source=gateway").json().path("triggers")).hasSize(5);
    TestHttp.Reply bad = as(a).get("/triggers?next_token=nonsense");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/type").asText()).isEqualTo("invalid_request");
    assertThat(as(a).get("/triggers?limit=0").status()).isEqualTo(400);
    assertThat(as(a).get("/triggers?status=ON").status()).isEqualTo(400);
  }

  @Test
  void patchChangesWhatItNamesAndDeleteRemoves() {
    AccountService.NewAccount a = FIX.newAccount("api-patch");
    String id = as(a)
        .post("/triggers", gatewayTrigger("https://example.com/p"))
        .json()
        .at("/trigger/trigger_id")
        .asText();
    JsonNode p = as(a)
        .patch("/triggers/" + id, Map.of("name", "renamed", "parameters", Map.of("k", "v")))
        .json()
        .path("trigger");
    assertThat(p.path("name").asText()).isEqualTo("renamed");
    assertThat(p.path("parameters").path("k").asText()).isEqualTo("v");
    assertThat(p.path("status").asText()).isEqualTo("ENABLED");
    TestHttp.Reply immutable =
        as(a).patch("/triggers/" + id, Map.of("event_type", "connection.active"));
    assertThat(immutable.status()).isEqualTo(400);
    assertThat(immutable.json().at("/error/field").asText()).isEqualTo("event_type");

    String did = as(a)
        .post("/triggers/" + id + "/destinations", Map.of("url", "https://example.com/second"))
        .json()
        .at("/destination/destination_id")
        .asText();
    JsonNode changed = as(a)
        .patch(
            "/triggers/" + id + "/destinations/" + did,
            Map.of("method", "put", "body_template", "{\"e\":\"{{ event_type }}\"}"))
        .json()
        .path("destination");
    assertThat(changed.path("method").asText()).isEqualTo("PUT");
    assertThat(changed.path("url").asText()).isEqualTo("https://example.com/second");
    assertThat(as(a).get("/triggers/" + id).json().at("/trigger/destinations")).hasSize(2);
    assertThat(as(a)
            .delete("/triggers/" + id + "/destinations/" + did)
            .json()
            .path("deleted")
            .asBoolean())
        .isTrue();
    assertThat(as(a).get("/triggers/" + id + "/destinations/" + did).status()).isEqualTo(404);

    TestHttp.Reply del = as(a).delete("/triggers/" + id);
    assertThat(del.status()).isEqualTo(200);
    assertThat(del.json().path("deleted").asBoolean()).isTrue();
    assertThat(as(a).get("/triggers/" + id).status()).isEqualTo(404);
  }

  @Test
  void anotherAccountsIdsAnswerExactlyAsUnknownOnes() {
    AccountService.NewAccount owner = FIX.newAccount("api-owner");
    AccountService.NewAccount other = FIX.newAccount("api-other");
    JsonNode t = as(owner)
        .post("/triggers", gatewayTrigger("https://example.com/o"))
        .json()
        .path("trigger");
    String id = t.path("trigger_id").asText();
    String did = t.at("/destinations/0/destination_id").asText();
    for (String path : List.of(
        "/triggers/" + id,
        "/triggers/" + id + "/destinations",
        "/triggers/" + id + "/destinations/" + did,
        "/triggers/" + id + "/events")) {
      TestHttp.Reply theirs = as(other).get(path);
      TestHttp.Reply unknown =
          as(other).get(path.replace(id, "00000000-0000-0000-0000-000000000000"));
      assertThat(theirs.status()).as(path).isEqualTo(404);
      assertThat(withoutIds(theirs.json())).as(path).isEqualTo(withoutIds(unknown.json()));
    }
    assertThat(as(other).delete("/triggers/" + id).status()).isEqualTo(404);
    assertThat(as(other).patch("/triggers/" + id, Map.of("name", "x")).status()).isEqualTo(404);
    assertThat(as(other)
            .post("/triggers/" + id + "/destinations/" + did + "/rotate-secret", Map.of())
            .status())
        .isEqualTo(404);
    assertThat(as(other).get("/triggers").json().path("triggers")).isEmpty();
    assertThat(as(owner).get("/triggers/" + id).status()).isEqualTo(200);
  }

  private static String withoutIds(JsonNode error) {
    return error
        .path("error")
        .deepCopy()
        .toString()
        .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID")
        .replaceAll("\"request_id\":\"[^\"]*\"", "");
  }

  @Test
  void badInputIsA400NamingTheField() {
    AccountService.NewAccount a = FIX.newAccount("api-bad");
    record Case(Object body, String field) {}
    List<Case> cases = List.of(
        new Case(Map.of("event_type", "connection.failed"), "source"),
        new Case(Map.of("source", "zapier", "event_type", "x"), "source"),
        new Case(Map.of("source", "gateway"), "event_type"),
        new Case(Map.of("source", "gateway", "event_type", "contact.add"), "event_type"),
        new Case(Map.of("source", "keap", "event_type", "contact.add"), "connection_id"),
        new Case(
            Map.of("source", "gateway", "event_type", "connection.failed", "colour", "red"),
            "colour"),
        new Case(
            Map.of("source", "gateway", "event_type", "connection.failed", "parameters", "x"),
            "parameters"),
        new Case(
            Map.of(
                "source",
                "gateway",
                "event_type",
                "connection.failed",
                "destinations",
                List.of(Map.of())),
            "destinations[0].url"),
        new Case(
            Map.of(
                "source",
                "gateway",
                "event_type",
                "connection.failed",
                "destinations",
                List.of(Map.of("url", "ftp://example.com/x"))),
            "destinations[0].url"),
        new Case(
            Map.of(
                "source",
                "gateway",
                "event_type",
                "connection.failed",
                "destinations",
                List.of(Map.of("url", "https://example.com", "method", "GET"))),
            "destinations[0].method"),
        new Case(
            Map.of(
                "source",
                "gateway",
                "event_type",
                "connection.failed",
                "destinations",
                List.of(
                    Map.of("url", "https://example.com", "headers", Map.of("webhook-id", "x")))),
            "destinations[0].headers"),
        new Case(
            Map.of(
                "source",
                "gateway",
                "event_type",
                "connection.failed",
                "destinations",
                List.of(Map.of("url", "https://example.com", "body_template", "{{ secret }}"))),
            "destinations[0].body_template"),
        new Case(
            Map.of("source", "gateway", "event_type", "connection.failed", "connection_id", "nope"),
            "connection_id"));
    for (Case c : cases) {
      TestHttp.Reply r = as(a).post("/triggers", c.body());
      assertThat(r.status()).as(c + " -> " + r.body()).isIn(400, 404);
      assertThat(r.json().at("/error/field").asText()).as(r.body()).isEqualTo(c.field());
      assertThat(r.json().at("/error/message").asText()).isNotBlank();
      assertThat(r.json().at("/error/request_id").asText()).isNotBlank();
    }
    TestHttp.Reply notJson = as(a).send("POST", "/triggers", "application/json", "{");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(as(a).get("/triggers").json().path("triggers")).isEmpty();
    assertThat(FIX.anonymous().get("/triggers").status()).isEqualTo(401);
  }
}
