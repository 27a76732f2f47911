package dev.keapgw.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminApiTest {
  @RegisterExtension
  static final GatewayFixture FIX = new GatewayFixture();

  private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

  private static JsonNode createAccount(String name) {
    TestHttp.Reply r = FIX.admin().post("/admin/accounts", Map.of("name", name));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void createListAndPatchAccounts() {
    JsonNode created = createAccount("Acme");
    String id = created.at("/account/id").asText();
    assertThat(created.at("/account/name").asText()).isEqualTo("Acme");
    assertThat(created.path("api_key").asText()).startsWith("kgw_").hasSizeGreaterThan(40);

    TestHttp.Reply list = FIX.admin().get("/admin/accounts");
    assertThat(list.status()).isEqualTo(200);
    JsonNode mine = find(list.json().path("accounts"), id);
    assertThat(mine.path("name").asText()).isEqualTo("Acme");
    assertThat(mine.has("rate_limit_per_second")).isTrue();
    assertThat(mine.path("rate_limit_per_second").isNull()).isTrue();
    assertThat(mine.path("created_time").asText()).matches(TIME);

    TestHttp.Reply patched =
        FIX.admin().patch("/admin/accounts/" + id, Map.of("rate_limit_per_second", 25));
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().at("/account/rate_limit_per_second").asInt()).isEqualTo(25);
    assertThat(FIX.admin()
            .get("/admin/accounts/" + id)
            .json()
            .at("/account/rate_limit_per_second")
            .asInt())
        .isEqualTo(25);

    TestHttp.Reply reset =
        FIX.admin().patch("/admin/accounts/" + id, "{\"rate_limit_per_second\":null}");
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().at("/account/rate_limit_per_second").isNull()).isTrue();
  }

  @Test
  void keysAreListedWithoutSecretsAndStoredOnlyAsHashes() {
    JsonNode created = createAccount("Keys Inc");
    String id = created.at("/account/id").asText();
    String first = created.path("api_key").asText();
    TestHttp.Reply made = FIX.admin().post("/admin/accounts/" + id + "/keys", Map.of("name", "ci"));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String second = made.json().path("api_key").asText();
    assertThat(made.json().at("/key/name").asText()).isEqualTo("ci");
    assertThat(second).isNotEqualTo(first).startsWith("kgw_");
    TestHttp.Reply unnamed = FIX.admin().post("/admin/accounts/" + id + "/keys", "");
    assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(201);

    assertThat(FIX.as(second).get("/user").status()).isEqualTo(200);
    FIX.gateway().services().auth().flushLastUse();
    TestHttp.Reply keys = FIX.admin().get("/admin/accounts/" + id + "/keys");
    assertThat(keys.status()).isEqualTo(200);
    assertThat(keys.json().path("keys")).hasSize(3);
    assertThat(keys.body()).doesNotContain(first).doesNotContain(second).doesNotContain("kgw_");
    JsonNode ci = find(keys.json().path("keys"), made.json().at("/key/id").asText());
    assertThat(ci.path("name").asText()).isEqualTo("ci");
    assertThat(ci.path("created_time").asText()).matches(TIME);
    assertThat(ci.path("last_used_time").asText()).matches(TIME);

    List<Map<String, Object>> rows = FIX.gateway()
        .services()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE account_id = :a")
            .bind("a", id)
            .mapToMap()
            .list());
    assertThat(rows).hasSize(3);
    assertThat(rows.toString()).doesNotContain(first).doesNotContain(second);
    assertThat(rows).extracting(r -> r.get("key_hash")).contains(sha256(first), sha256(second));
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() {
    JsonNode created = createAccount("Revoker");
    String id = created.at("/account/id").asText();
    TestHttp.Reply made = FIX.admin().post("/admin/accounts/" + id + "/keys", Map.of());
    String key = made.json().path("api_key").asText();
    assertThat(FIX.as(key).get("/user").status()).isEqualTo(200);

    TestHttp.Reply revoked =
        FIX.admin().delete("/admin/keys/" + made.json().at("/key/id").asText());
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().path("revoked").asBoolean()).isTrue();

    TestHttp.Reply after = FIX.as(key).get("/user");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().at("/error/type").asText()).isEqualTo("unauthorized");
    assertThat(FIX.as(created.path("api_key").asText()).get("/user").status()).isEqualTo(200);
    assertThat(FIX.admin()
            .delete("/admin/keys/" + made.json().at("/key/id").asText())
            .status())
        .isEqualTo(404);
  }

  @Test
  void deletingAnAccountRemovesItsKeysAndConnections() {
    JsonNode created = createAccount("Leaver");
    String id = created.at("/account/id").asText();
    String key = created.path("api_key").asText();
    assertThat(FIX.as(key).post("/connections", Map.of("app", "keap")).status()).isEqualTo(201);

    TestHttp.Reply deleted = FIX.admin().delete("/admin/accounts/" + id);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json().at("/account/id").asText()).isEqualTo(id);
    assertThat(deleted.json().path("deleted").asBoolean()).isTrue();

    assertThat(FIX.as(key).get("/user").status()).isEqualTo(401);
    assertThat(count("api_keys", id)).isZero();
    assertThat(count("connections", id)).isZero();
    assertThat(FIX.admin().get("/admin/accounts").body()).doesNotContain(id);
    assertThat(FIX.admin().delete("/admin/accounts/" + id).status()).isEqualTo(404);
  }

  @Test
  void wrongOrMissingAdminTokenIs401() {
    String apiKey = createAccount("Not an admin").path("api_key").asText();
    for (TestHttp client : List.of(
        FIX.anonymous(),
        FIX.as("wrong-token"),
        FIX.as(apiKey),
        FIX.as(GatewayFixture.ADMIN_TOKEN + "x"))) {
      TestHttp.Reply r = client.get("/admin/accounts");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("unauthorized");
      assertThat(r.json().at("/error/message").asText()).contains("admin token");
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(client.post("/admin/accounts", Map.of("name", "x")).status()).isEqualTo(401);
    }
    assertThat(FIX.anonymous().get("/admin/no-such-thing").status()).isEqualTo(401);
  }

  @Test
  void unknownIdsAre404() {
    String nobody = "00000000-0000-0000-0000-000000000000";
    List<TestHttp.Reply> replies = List.of(
        FIX.admin().get("/admin/accounts/" + nobody),
        FIX.admin().patch("/admin/accounts/" + nobody, Map.of("rate_limit_per_second", 5)),
        FIX.admin().delete("/admin/accounts/" + nobody),
        FIX.admin().post("/admin/accounts/" + nobody + "/keys", Map.of("name", "k")),
        FIX.admin().get("/admin/accounts/" + nobody + "/keys"),
        FIX.admin().delete("/admin/keys/" + nobody));
    for (TestHttp.Reply r : replies) {
      assertThat(r.status()).as(r.body()).isEqualTo(404);
      assertThat(r.json().at("/error/type").asText()).isEqualTo("not_found");
      assertThat(r.json().at("/error/message").asText()).contains(nobody);
      assertThat(r.json().at("/error/request_id").asText()).isEqualTo(r.header("X-Request-Id"));
    }
  }

  @Test
  void badBodiesAre400NamingTheField() {
    String id = createAccount("Strict").at("/account/id").asText();
    assertInvalid(FIX.admin().post("/admin/accounts", "{not json"), null, "not valid JSON");
    assertInvalid(FIX.admin().post("/admin/accounts", "[1,2]"), null, "JSON object");
    assertInvalid(FIX.admin().post("/admin/accounts", Map.of()), "name", "'name' is required");
    assertInvalid(
        FIX.admin().post("/admin/accounts", Map.of("name", "  ")), "name", "'name' is required");
    assertInvalid(
        FIX.admin().post("/admin/accounts", Map.of("name", 12)), "name", "'name' must be a string");
    assertInvalid(
        FIX.admin().post("/admin/accounts/" + id + "/keys", Map.of("name", List.of())),
        "name",
        "string");
    assertInvalid(
        FIX.admin().patch("/admin/accounts/" + id, Map.of()), "rate_limit_per_second", "required");
    assertInvalid(
        FIX.admin().patch("/admin/accounts/" + id, Map.of("rate_limit_per_second", "ten")),
        "rate_limit_per_second",
        "whole number");
    assertInvalid(
        FIX.admin().patch("/admin/accounts/" + id, Map.of("rate_limit_per_second", 0)),
        "rate_limit_per_second",
        "between 1 and");
    assertInvalid(
        FIX.admin().patch("/admin/accounts/" + id, Map.of("rate_limit_per_second", 1.5)),
        "rate_limit_per_second",
        "whole number");
    Map<String, Object> longName = new HashMap<>();
    longName.put("name", "x".repeat(201));
    assertInvalid(FIX.admin().post("/admin/accounts", longName), null, "at most 200");
  }

  private static void assertInvalid(TestHttp.Reply r, String field, String messagePart) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode err = r.json().path("error");
    assertThat(err.path("type").asText()).isEqualTo("invalid_request");
    assertThat(err.path("status").asInt()).isEqualTo(400);
    assertThat(err.path("message").asText()).contains(messagePart);
    if (field != null) {
      assertThat(err.path("field").asText()).isEqualTo(field);
    }
  }

  private static long count(String table, String accountId) {
    return FIX.gateway()
        .services()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE account_id = :a")
            .bind("a", accountId)
            .mapTo(Long.class)
            .one());
  }

  private static JsonNode find(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no " + id + " in " + array);
  }

  static String sha256(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256")
              .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
