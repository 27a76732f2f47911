package dev.keapgw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.gateway.account.AccountService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed document's examples run as they are against a local gateway and sandbox, with only
 * the host changed: its Python snippets by python3 itself, and its REST examples through a
 * Python call in the snippets' own style. Each prints what the seed shows.
 */
@Tag("slow")
class SeedExamplesAcceptanceTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  static final SeedExamples SEED = new SeedExamples();
  static final ObjectMapper JSON = new ObjectMapper();
  static AccountService.NewAccount acct;
  static String connection;

  @BeforeAll
  static void connect() {
    acct = FIX.newAccount("seed-examples");
    connection = ConnectFlow.connect(FIX, acct.key().secret());
  }

  @Test
  void quickStartListsContacts() {
    JsonNode out = runPython(SEED.python("contacts?page_size=10"));
    assertThat(out.get("contacts").isArray()).isTrue();
    assertThat(out.get("contacts").size()).isBetween(1, 10);
    assertThat(out.get("contacts").get(0).has("id")).isTrue();
    assertThat(out.has("next_page_token")).isTrue();
  }

  @Test
  void connectionsListCreateGetDelete() {
    JsonNode listed = runPython(SEED.python("connections?app=keap&status=ACTIVE"));
    assertThat(listed.get("connections").findValuesAsText("connection_id")).contains(connection);
    assertThat(listed.get("connections").findValuesAsText("status")).containsOnly("ACTIVE");

    JsonNode created = runPython(SEED.python("json.dumps({'app': 'keap'})")).get("connection");
    assertThat(created.get("status").asText()).isEqualTo("PENDING");
    assertThat(created.get("app").asText()).isEqualTo("keap");
    assertThat(created.get("url").asText()).contains("session_token=");
    assertThat(created.get("metadata").isObject()).isTrue();
    String id = created.get("connection_id").asText();

    String get = SEED.python("connections/{connection_id}')").replace("{connection_id}", id);
    JsonNode got = runPython(get).get("connection");
    assertThat(got.get("connection_id").asText()).isEqualTo(id);
    assertThat(got.get("creation_time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

    String delete = SEED.python("method='DELETE'").replace("{connection_id}", id);
    assertThat(runPython(delete).isObject()).isTrue();
    assertThat(FIX.as(acct.key().secret()).get("/connections/" + id).status()).isEqualTo(404);
  }

  @Test
  void matonConnectionPicksTheConnection() {
    String code =
        SEED.python("Maton-Connection").replace("d5242090-02ae-4195-83e3-8deca823eb9a", connection);
    assertThat(runPython(code).get("contacts").isArray()).isTrue();
  }

  @Test
  void troubleshootingListsConnections() {
    assertThat(runPython(SEED.python("ctrl.maton.ai/connections')"))
            .get("connections")
            .isArray())
        .isTrue();
  }

  @Test
  void contactsListGetCreateUpdateDelete() {
    Map<String, SeedExamples.Rest> rest = SEED.rest();
    JsonNode list = call(rest.get("List Contacts"), Map.of());
    assertThat(list.get("status").asInt()).isEqualTo(200);
    assertThat(list.at("/body/contacts").isArray()).isTrue();

    JsonNode created = call(rest.get("Create Contact"), Map.of());
    assertThat(created.get("status").asInt()).isEqualTo(201);
    assertThat(created.at("/body/given_name").asText()).isEqualTo("John");
    assertThat(created.at("/body/family_name").asText()).isEqualTo("Doe");
    String id = created.at("/body/id").asText();
    Map<String, String> ids = Map.of("{contact_id}", id);

    assertThat(call(rest.get("Get Contact"), ids).at("/body/id").asText()).isEqualTo(id);
    JsonNode updated = call(rest.get("Update Contact"), ids);
    assertThat(updated.get("status").asInt()).isEqualTo(200);
    assertThat(updated.at("/body/given_name").asText()).isEqualTo("Jane");

    assertThat(call(rest.get("Get Contact Notes"), ids).at("/body/notes").isArray())
        .isTrue();
    JsonNode note = call(rest.get("Create Contact Note"), ids);
    assertThat(note.get("status").asInt()).isEqualTo(201);
    assertThat(note.at("/body/title").asText()).isEqualTo("Note Title");

    JsonNode deleted = call(rest.get("Delete Contact"), ids);
    assertThat(deleted.get("status").asInt()).isEqualTo(204);
    assertThat(deleted.get("body").isNull()).isTrue();
  }

  @Test
  void tagsWithApplyAndRemove() {
    Map<String, SeedExamples.Rest> rest = SEED.rest();
    assertThat(call(rest.get("List Tags"), Map.of()).at("/body/tags").isArray()).isTrue();
    JsonNode created = call(rest.get("Create Tag"), Map.of());
    assertThat(created.get("status").asInt()).isEqualTo(201);
    Map<String, String> ids = Map.of("{tag_id}", created.at("/body/id").asText());
    assertThat(call(rest.get("Get Tag"), ids).at("/body/name").asText()).isEqualTo("VIP Customer");
    assertThat(call(rest.get("Update Tag"), ids).at("/body/name").asText())
        .isEqualTo("Premium Customer");

    JsonNode applied = call(rest.get("Apply Tags to Contacts"), ids);
    assertThat(applied.get("status").asInt()).isEqualTo(200);
    assertThat(applied.at("/body/results").isObject()).isTrue();
    assertThat(
            call(rest.get("List Contacts with Tag"), ids).at("/body/contacts").size())
        .isEqualTo(3);
    assertThat(call(rest.get("Remove Tags from Contacts"), ids).get("status").asInt())
        .isEqualTo(204);
    assertThat(
            call(rest.get("List Contacts with Tag"), ids).at("/body/contacts").size())
        .isZero();
    assertThat(call(rest.get("Delete Tag"), ids).get("status").asInt()).isEqualTo(204);
  }

  /** A REST example run as Python in the snippets' style; prints {"status":..., "body":...}. */
  private JsonNode call(SeedExamples.Rest r, Map<String, String> ids) {
    assertThat(r).as("the seed has this example").isNotNull();
    String path = r.path();
    for (Map.Entry<String, String> e : ids.entrySet()) {
      path = path.replace(e.getKey(), e.getValue());
    }
    String body =
        r.body() == null ? null : r.body().replace("[email protected]", "john.doe@example.com");
    String code = "import urllib.request, os, json\n"
        + "data = "
        + (body == null ? "None" : "json.dumps(json.loads(" + pyString(body) + ")).encode()") + "\n"
        + "req = urllib.request.Request('https://gateway.maton.ai" + path + "', data=data, method='"
        + r.method() + "')\n"
        + "req.add_header('Authorization', f'Bearer {os.environ[\"MATON_API_KEY\"]}')\n"
        + (body == null ? "" : "req.add_header('Content-Type', 'application/json')\n")
        + "resp = urllib.request.urlopen(req)\n"
        + "raw = resp.read()\n"
        + "print(json.dumps({'status': resp.status, 'body': json.loads(raw) if raw else None}))\n";
    return runPython(code);
  }

  private static String pyString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ") + "'";
  }

  /** Runs a snippet with python3, the hosts pointed at the local gateway; its stdout as JSON. */
  private JsonNode runPython(String snippet) {
    String code = snippet
        .replace("https://gateway.maton.ai", FIX.gateway().baseUrl())
        .replace("https://ctrl.maton.ai", FIX.gateway().baseUrl());
    try {
      ProcessBuilder pb = new ProcessBuilder("python3", "-");
      pb.environment().put("MATON_API_KEY", acct.key().secret());
      Process p = pb.start();
      p.getOutputStream().write(code.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      boolean done = p.waitFor(60, TimeUnit.SECONDS);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(done).as("python3 finished").isTrue();
      assertThat(p.exitValue())
          .as("python3 exit for:\n%s\nstderr:\n%s", code, err)
          .isZero();
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new AssertionError(
          "python3 could not be run (it must be installed): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
