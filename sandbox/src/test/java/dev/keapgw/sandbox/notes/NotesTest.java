package dev.keapgw.sandbox.notes;

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

class NotesTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static String newContact() {
    TestHttp.Reply r = FIX.api()
        .post(
            "/contacts",
            Map.of(
                "email_addresses",
                List.of(Map.of("email", "notes." + System.nanoTime() + "@example.com"))));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static String rejectedField(String contactId, Object body) {
    TestHttp.Reply r = FIX.api().post("/contacts/" + contactId + "/notes", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.json().at("/details/0/resource").asText();
  }

  private static List<String> titles(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("notes").forEach(n -> out.add(n.get("title").asText()));
    return out;
  }

  @Test
  void seededContactsHaveNotes() {
    TestHttp.Reply r = FIX.api().get("/contacts/1/notes");
    assertThat(r.status()).isEqualTo(200);
    JsonNode note = r.json().at("/notes/0");
    assertThat(note.get("contact_id").asText()).isEqualTo("1");
    assertThat(note.at("/assigned_to_user/id").asText()).isIn("1", "2", "3");
    assertThat(note.get("text").asText()).isNotEmpty();
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
  }

  @Test
  void createAnswers201AndTheNoteIsListed() {
    String contact = newContact();
    TestHttp.Reply r = FIX.api()
        .post(
            "/contacts/" + contact + "/notes",
            Map.of(
                "title",
                "Kickoff",
                "text",
                "Agreed on the scope",
                "type",
                "call",
                "user_id",
                "2",
                "is_pinned",
                true));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode n = r.json();
    assertThat(n.get("id").asText()).matches("\\d+");
    assertThat(n.get("type").asText()).isEqualTo("Call");
    assertThat(n.get("contact_id").asText()).isEqualTo(contact);
    assertThat(n.at("/assigned_to_user/given_name").asText()).isEqualTo("Grace");
    assertThat(n.get("created_by_user_id").asText()).isEqualTo("2");
    assertThat(n.get("pinned_at").asText()).isEqualTo(n.get("create_time").asText());
    assertThat(n.has("custom_fields")).isFalse();
    JsonNode page =
        FIX.api().get("/contacts/" + contact + "/notes?fields=custom_fields").json();
    assertThat(page.get("notes")).hasSize(1);
    assertThat(page.at("/notes/0/id").asText()).isEqualTo(n.get("id").asText());
    assertThat(page.at("/notes/0/custom_fields").isArray()).isTrue();
    assertThat(FIX.api()
            .post("/contacts/" + contact + "/notes", Map.of("title", "Unpinned", "user_id", "1"))
            .json()
            .has("pinned_at"))
        .isFalse();
  }

  @Test
  void unknownContactIs404() {
    assertThat(FIX.api().get("/contacts/7777777/notes").status()).isEqualTo(404);
    TestHttp.Reply r =
        FIX.api().post("/contacts/7777777/notes", Map.of("title", "x", "user_id", "1"));
    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void aNoteWithoutUserIdBelongsToTheUserWhoAuthorizedTheCall() {
    // Maton's own example omits user_id; the fixture's key was granted by user 1
    TestHttp.Reply r = FIX.api()
        .post(
            "/contacts/" + newContact() + "/notes",
            Map.of("title", "Note Title", "body", "Note content here"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().at("/assigned_to_user/id").asText()).isEqualTo("1");
    assertThat(r.json().get("created_by_user_id").asText()).isEqualTo("1");
  }

  @Test
  void createRulesNameTheField() {
    String contact = newContact();
    assertThat(rejectedField(contact, Map.of("title", "Ghost", "user_id", "42")))
        .isEqualTo("user_id");
    assertThat(rejectedField(contact, Map.of("text", "neither title nor type", "user_id", "1")))
        .isEqualTo("title");
    assertThat(rejectedField(contact, Map.of("type", "Telegram", "user_id", "1")))
        .isEqualTo("type");
    assertThat(rejectedField(contact, Map.of("title", 5, "user_id", "1"))).isEqualTo("title");
    assertThat(rejectedField(contact, Map.of("title", "x", "user_id", "1", "is_pinned", "yes")))
        .isEqualTo("is_pinned");
    assertThat(FIX.api().post("/contacts/" + contact + "/notes", "{oops").status())
        .isEqualTo(400);
    assertThat(FIX.api()
            .post("/contacts/" + contact + "/notes", Map.of("type", "Email", "user_id", "1"))
            .status())
        .isEqualTo(201);
  }

  @Test
  void filtersAndOrders() {
    String contact = newContact();
    for (String title : List.of("Follow up on quote", "Quote follow-up", "Lunch")) {
      FIX.api()
          .post(
              "/contacts/" + contact + "/notes",
              Map.of("title", title, "user_id", title.equals("Lunch") ? "3" : "1"));
    }
    String base = "/contacts/" + contact + "/notes?filter=";
    assertThat(titles(FIX.api().get(base + q("title==follow")).json()))
        .containsExactlyInAnyOrder("Follow up on quote", "Quote follow-up");
    assertThat(titles(FIX.api().get(base + q("title==Follow*")).json()))
        .containsExactly("Follow up on quote");
    assertThat(titles(FIX.api().get(base + q("assigned_to_user_id==3")).json()))
        .containsExactly("Lunch");
    JsonNode all = FIX.api()
        .get("/contacts/" + contact + "/notes?order_by=" + q("id desc"))
        .json();
    assertThat(titles(all)).containsExactly("Lunch", "Quote follow-up", "Follow up on quote");
    String firstId = all.at("/notes/2/id").asText();
    assertThat(titles(FIX.api().get(base + q("id>" + firstId)).json()))
        .containsExactly("Quote follow-up", "Lunch");
    TestHttp.Reply both = FIX.api().get(base + q("id==" + firstId + ";ids==" + firstId));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().at("/details/0/resource").asText()).isEqualTo("ids");
    TestHttp.Reply leading = FIX.api().get(base + q("title==*quote"));
    assertThat(leading.status()).isEqualTo(400);
    assertThat(leading.json().at("/details/0/resource").asText()).isEqualTo("title");
    assertThat(FIX.api().get("/contacts/" + contact + "/notes?fields=title").status())
        .isEqualTo(400);
  }

  @Test
  void deletingTheContactDeletesItsNotes() {
    String contact = newContact();
    FIX.api().post("/contacts/" + contact + "/notes", Map.of("title", "Soon gone", "user_id", "1"));
    assertThat(FIX.api().delete("/contacts/" + contact).status()).isEqualTo(204);
    assertThat(FIX.api().get("/contacts/" + contact + "/notes").status()).isEqualTo(404);
    assertThat(FIX.sandbox()
            .context()
            .world()
            .tenant(dev.keapgw.sandbox.Sandbox.tenantId(1))
            .table(NotesModule.TABLE)
            .lookup("contact_id", contact))
        .isEmpty();
  }

  @Test
  void answersMatchTheSpecSchemas() {
    TestHttp.Reply created =
        FIX.api().post("/contacts/2/notes", Map.of("title", "Shape", "user_id", "1"));
    assertThat(SpecContract.keap().schemaViolations("Note", created.body())).isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations(
                "ListNotesResponse",
                FIX.api().get("/contacts/2/notes?fields=custom_fields").body()))
        .isEmpty();
  }
}
