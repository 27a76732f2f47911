package dev.keapgw.sandbox.tags;

import static dev.keapgw.sandbox.CrmTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.contract.SpecContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tag on a contact shows in the contact's tag_ids and in the tag's contact list, always both. */
class TaggingConsistencyTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static String newTag() {
    TestHttp.Reply r = FIX.api().post("/tags", Map.of("name", "T" + System.nanoTime()));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static String newContact(String given, String family) {
    TestHttp.Reply r = FIX.api()
        .post(
            "/contacts",
            Map.of(
                "given_name",
                given,
                "family_name",
                family,
                "email_addresses",
                List.of(Map.of(
                    "email", given.toLowerCase() + "." + System.nanoTime() + "@example.com"))));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static List<String> tagIds(String contact) {
    List<String> out = new ArrayList<>();
    FIX.api().get("/contacts/" + contact).json().get("tag_ids").forEach(t -> out.add(t.asText()));
    return out;
  }

  private static List<String> taggedIds(String tag, String query) {
    TestHttp.Reply r = FIX.api().get("/tags/" + tag + "/contacts" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("contacts").forEach(c -> out.add(c.get("id").asText()));
    return out;
  }

  private static JsonNode apply(String tag, List<String> contacts) {
    TestHttp.Reply r =
        FIX.api().post("/tags/" + tag + "/contacts:applyTags", Map.of("contact_ids", contacts));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("results");
  }

  @Test
  void applyReportsPerContactAndShowsOnBothSides() {
    String tag = newTag();
    String a = newContact("Ada", "Apply");
    String b = newContact("Bob", "Apply");
    JsonNode results = apply(tag, List.of(a, b, "99999999"));
    assertThat(results.get(a).asText()).isEqualTo("SUCCESS");
    assertThat(results.get(b).asText()).isEqualTo("SUCCESS");
    assertThat(results.get("99999999").asText()).isEqualTo("CONTACT_NOT_FOUND");
    assertThat(apply(tag, List.of(a)).get(a).asText()).isEqualTo("DUPLICATE");

    assertThat(tagIds(a)).containsExactly(tag);
    assertThat(taggedIds(tag, "")).containsExactly(a, b);
    JsonNode item = FIX.api().get("/tags/" + tag + "/contacts").json().at("/contacts/0");
    assertThat(item.get("given_name").asText()).isEqualTo("Ada");
    assertThat(item.get("family_name").asText()).isEqualTo("Apply");
    assertThat(item.get("email").asText()).startsWith("ada.");
    assertThat(item.get("applied_time").asText()).endsWith("Z");
    assertThat(item.size()).isEqualTo(5);
  }

  @Test
  void removeAnswers204AndTakesTheTagOffBothSides() {
    String tag = newTag();
    String a = newContact("Cy", "Remove");
    String b = newContact("Di", "Remove");
    apply(tag, List.of(a, b));
    TestHttp.Reply r = FIX.api()
        .post("/tags/" + tag + "/contacts:removeTags", Map.of("contact_ids", List.of(a, "424242")));
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(tagIds(a)).isEmpty();
    assertThat(tagIds(b)).containsExactly(tag);
    assertThat(taggedIds(tag, "")).containsExactly(b);
  }

  @Test
  void deletingAContactTakesItOutOfTagLists() {
    String tag = newTag();
    String a = newContact("Ed", "Deleted");
    String b = newContact("Flo", "Kept");
    apply(tag, List.of(a, b));
    assertThat(FIX.api().delete("/contacts/" + a).status()).isEqualTo(204);
    assertThat(taggedIds(tag, "")).containsExactly(b);
  }

  @Test
  void deletingATagTakesItOffContacts() {
    String keep = newTag();
    String gone = newTag();
    String a = newContact("Gus", "Tagged");
    apply(keep, List.of(a));
    apply(gone, List.of(a));
    assertThat(tagIds(a)).containsExactly(keep, gone);
    assertThat(FIX.api().delete("/tags/" + gone).status()).isEqualTo(204);
    assertThat(tagIds(a)).containsExactly(keep);
    assertThat(FIX.api().get("/tags/" + gone + "/contacts").status()).isEqualTo(404);
  }

  @Test
  void taggedContactsFollowContactUpdatesAndFilterAndOrder() {
    String tag = newTag();
    String a = newContact("Hal", "Zeta");
    String b = newContact("Ivy", "Alpha");
    apply(tag, List.of(a, b));
    FIX.api().patch("/contacts/" + a, Map.of("given_name", "Hank"));
    assertThat(FIX.api()
            .get("/tags/" + tag + "/contacts")
            .json()
            .at("/contacts/0/given_name")
            .asText())
        .isEqualTo("Hank");
    assertThat(taggedIds(tag, "?filter=" + q("given_name==hank"))).containsExactly(a);
    assertThat(taggedIds(tag, "?order_by=" + q("family_name asc"))).containsExactly(b, a);
    assertThat(taggedIds(tag, "?order_by=" + q("applied_time desc"))).hasSize(2);
    assertThat(taggedIds(tag, "?page_size=1")).containsExactly(a);
    String applied = FIX.api()
        .get("/tags/" + tag + "/contacts")
        .json()
        .at("/contacts/0/applied_time")
        .asText();
    assertThat(taggedIds(tag, "?filter=" + q("since_applied_time==" + applied))).contains(a, b);
    assertThat(taggedIds(tag, "?filter=" + q("email==NONE"))).isEmpty();
    TestHttp.Reply bad = FIX.api().get("/tags/" + tag + "/contacts?filter=" + q("city==Mesa"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/details/0/resource").asText()).isEqualTo("city");
  }

  @Test
  void applyAndRemoveCheckTheBodyAndTheTag() {
    String tag = newTag();
    TestHttp.Reply missing =
        FIX.api().post("/tags/" + tag + "/contacts:applyTags", Map.of("ids", List.of("1")));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/details/0/resource").asText()).isEqualTo("contact_ids");
    TestHttp.Reply numbers =
        FIX.api().post("/tags/" + tag + "/contacts:applyTags", Map.of("contact_ids", List.of(1)));
    assertThat(numbers.status()).isEqualTo(400);
    assertThat(numbers.json().at("/details/0/resource").asText()).isEqualTo("contact_ids[0]");
    assertThat(FIX.api()
            .post("/tags/5555555/contacts:applyTags", Map.of("contact_ids", List.of("1")))
            .status())
        .isEqualTo(404);
    assertThat(FIX.api()
            .post("/tags/5555555/contacts:removeTags", Map.of("contact_ids", List.of("1")))
            .status())
        .isEqualTo(404);
  }

  @Test
  void someSeededContactsAreTagged() {
    int tagged = 0;
    for (JsonNode c : FIX.api().get("/contacts?page_size=100").json().get("contacts")) {
      for (JsonNode t : c.get("tag_ids")) {
        tagged++;
        assertThat(taggedIds(t.asText(), "?page_size=1000"))
            .contains(c.get("id").asText());
      }
    }
    assertThat(tagged).isPositive();
  }

  @Test
  void answersMatchTheSpecSchemas() {
    String tag = newTag();
    TestHttp.Reply applied = FIX.api()
        .post("/tags/" + tag + "/contacts:applyTags", Map.of("contact_ids", List.of("1", "x")));
    assertThat(SpecContract.keap().schemaViolations("ApplyTagsResponse", applied.body()))
        .isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations(
                "ListTaggedContactsResponse",
                FIX.api().get("/tags/" + tag + "/contacts").body()))
        .isEmpty();
  }
}
