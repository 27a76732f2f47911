package dev.keapgw.sandbox.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.contract.SpecContract;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TasksTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsSeededTasksWithoutCustomFieldsUnlessAsked() {
    TestHttp.Reply r = FIX.api().get("/tasks");
    assertThat(r.status()).isEqualTo(200);
    JsonNode tasks = r.json().get("tasks");
    assertThat(tasks.size()).isGreaterThanOrEqualTo(10);
    assertThat(SpecContract.keap().schemaViolations("ListTasksResponse", r.json()))
        .isEmpty();
    for (JsonNode t : tasks) {
      assertThat(t.get("assigned_to_user_id").asText()).isIn("1", "2", "3");
      assertThat(t.has("custom_fields")).isFalse();
    }
    assertThat(tasks.get(0).get("title").asText()).isNotEmpty();
    JsonNode withCustom = FIX.api().get("/tasks?fields=custom_fields").json().at("/tasks/0");
    assertThat(withCustom.get("custom_fields").isArray()).isTrue();
    assertThat(withCustom.has("title")).isTrue();
    TestHttp.Reply bad = FIX.api().get("/tasks?fields=colour");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/details/0/resource").asText()).isEqualTo("colour");
  }

  @Test
  void createNeedsOnlyTheAssignee() {
    TestHttp.Reply r = FIX.api().post("/tasks", Map.of("assigned_to_user_id", "2"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("assigned_to_user_id").asText()).isEqualTo("2");
    assertThat(r.json().get("completed").asBoolean()).isFalse();
    assertThat(r.json().get("created_by_user_id").asText()).isEqualTo("1");
    assertThat(r.json().get("create_time").asText()).endsWith("Z");
    TestHttp.Reply got = FIX.api().get("/tasks/" + r.json().get("id").asText());
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().get("id").asText()).isEqualTo(r.json().get("id").asText());
  }

  @Test
  void createTakesTheSpecsFieldsAndNormalisesTimes() {
    String contact = CrmTestSupport.someContactId(FIX.api());
    TestHttp.Reply r = FIX.api()
        .post(
            "/tasks",
            Map.of(
                "title",
                "Follow up call",
                "due_time",
                "2026-02-15T10:00:00-07:00",
                "contact_id",
                contact,
                "assigned_to_user_id",
                3,
                "priority",
                "CRITICAL",
                "remind_time_mins",
                30,
                "type",
                "CALL"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("due_time").asText()).isEqualTo("2026-02-15T17:00:00.000Z");
    assertThat(r.json().get("contact_id").asText()).isEqualTo(contact);
    assertThat(r.json().get("assigned_to_user_id").asText()).isEqualTo("3");
    assertThat(r.json().get("remind_time_mins").asInt()).isEqualTo(30);
    assertThat(SpecContract.keap().schemaViolations("Task", r.json())).isEmpty();
  }

  @Test
  void theSeedExamplesBodyIsRejectedNamingTheField() {
    TestHttp.Reply r = FIX.api()
        .post(
            "/tasks",
            "{\"title\":\"Follow up call\",\"due_date\":\"2026-02-15T10:00:00Z\",\"contact\":{\"id\":\"9\"},"
                + "\"assigned_to_user_id\":\"1\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("due_date");
    assertThat(r.json().get("message").asText()).contains("due_time");
    r = FIX.api().post("/tasks", Map.of("contact", Map.of("id", "9"), "assigned_to_user_id", "1"));
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("contact");
    assertThat(r.json().get("message").asText()).contains("contact_id");
  }

  @Test
  void invalidBodiesAre400sNamingTheField() {
    assertInvalid(Map.of("title", "No one"), "assigned_to_user_id");
    assertInvalid(Map.of("assigned_to_user_id", "99"), "assigned_to_user_id");
    assertInvalid(Map.of("assigned_to_user_id", "1", "priority", "HIGH"), "priority");
    assertInvalid(Map.of("assigned_to_user_id", "1", "remind_time_mins", 7), "remind_time_mins");
    assertInvalid(Map.of("assigned_to_user_id", "1", "due_time", "tomorrow"), "due_time");
    assertInvalid(Map.of("assigned_to_user_id", "1", "completed", "yes"), "completed");
    assertInvalid(Map.of("assigned_to_user_id", "1", "opportunity_id", "99999"), "opportunity_id");
    assertInvalid(Map.of("assigned_to_user_id", "1", "contact_id", "abc"), "contact_id");
  }

  @Test
  void unknownContactIsA400WhereContactsAreEmulated() {
    Assumptions.assumeTrue(
        CrmTestSupport.contactsEmulated(FIX.api()), "no contacts module on this build");
    assertInvalid(Map.of("assigned_to_user_id", "1", "contact_id", "987654"), "contact_id");
  }

  @Test
  void patchCompletedTrueCompletesAndFalseReopens() {
    String id = FIX.api()
        .post("/tasks", Map.of("assigned_to_user_id", "1", "title", "Call Bob"))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api().patch("/tasks/" + id, Map.of("completed", true));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("completed").asBoolean()).isTrue();
    assertThat(r.json().get("completion_time").asText()).endsWith("Z");
    assertThat(r.json().get("title").asText()).isEqualTo("Call Bob");
    assertThat(SpecContract.keap().schemaViolations("UpdateTaskResponse", r.json()))
        .isEmpty();
    JsonNode got = FIX.api().get("/tasks/" + id).json();
    assertThat(got.get("completed").asBoolean()).isTrue();
    assertThat(got.get("completion_time").asText())
        .isEqualTo(r.json().get("completion_time").asText());

    r = FIX.api().patch("/tasks/" + id, Map.of("completed", false));
    assertThat(r.json().get("completed").asBoolean()).isFalse();
    assertThat(r.json().has("completion_time")).isFalse();
  }

  @Test
  void patchHonoursTheMaskAndKeepsTheAssignee() {
    String id = FIX.api()
        .post("/tasks", Map.of("assigned_to_user_id", "1", "title", "Before"))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api()
        .patch(
            "/tasks/" + id + "?update_mask=priority",
            Map.of("title", "Ignored", "priority", "ESSENTIAL"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("title").asText()).isEqualTo("Before");
    assertThat(r.json().get("priority").asText()).isEqualTo("ESSENTIAL");
    r = FIX.api()
        .send("PATCH", "/tasks/" + id, "application/json", "{\"assigned_to_user_id\":null}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("assigned_to_user_id");
    r = FIX.api().patch("/tasks/" + id, Map.of("due_date", "2026-01-01T00:00:00Z"));
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("due_date");
  }

  @Test
  void deleteAnswers204AndUnknownIdsAre404s() {
    String id = FIX.api()
        .post("/tasks", Map.of("assigned_to_user_id", "1"))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api().delete("/tasks/" + id);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(FIX.api().get("/tasks/" + id).status()).isEqualTo(404);
    assertThat(FIX.api().delete("/tasks/" + id).status()).isEqualTo(404);
    assertThat(FIX.api().patch("/tasks/999999", Map.of("completed", true)).status())
        .isEqualTo(404);
    TestHttp.Reply missing = FIX.api().get("/tasks/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/details/0/domain").asText()).isEqualTo("task");
  }

  private static void assertInvalid(Object body, String field) {
    TestHttp.Reply r = FIX.api().post("/tasks", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).as(r.body()).isEqualTo(field);
  }
}
