package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.sandbox.TestHttp;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The contract itself, without a sandbox: it must pass what the spec allows and catch the rest. */
@Tag("unit")
class SpecContractTest {
  private static final SpecContract SPEC = SpecContract.keap();
  private static final SpecOperation CREATE_TASK = SPEC.operation("POST", "/rest/v2/tasks");
  private static final SpecOperation CREATE_TAG = SPEC.operation("POST", "/rest/v2/tags");
  private static final SpecOperation LIST_USERS = SPEC.operation("GET", "/rest/v2/users");
  private static final SpecOperation REMOVE_TAGS =
      SPEC.operation("POST", "/rest/v2/tags/{tag_id}/contacts:removeTags");

  private static final String TAG = """
      {"id": "12", "name": "VIP", "description": "Best customers", "category": {"id": "3"},
       "create_time": "2026-11-26T10:15:30Z", "update_time": "2026-11-26T10:15:30.123Z"}""";

  @Test
  void findsOperationsByMethodAndSpecPath() {
    assertThat(CREATE_TASK.operationId()).isEqualTo("createTask");
    assertThat(REMOVE_TAGS.operationId()).isEqualTo("removeTags");
    assertThat(SPEC.operation("post", "/rest/v2/contacts").successStatuses())
        .containsExactlyInAnyOrder(200, 201);
    assertThat(SPEC.find("PUT", "/rest/v2/tags")).isEmpty();
    assertThatThrownBy(() -> SPEC.operation("PUT", "/rest/v2/tags"))
        .hasMessageContaining("PUT /rest/v2/tags")
        .hasMessageContaining("other methods");
  }

  @Test
  void aCorrectRequestAndAnswerPass() {
    Call call = Call.post("/tasks", """
        {"title": "Call back", "assigned_to_user_id": "1", "contact_id": "7",
         "due_time": "2026-12-01T15:00:00Z", "priority": "ESSENTIAL"}""");
    assertThat(CREATE_TASK.checkRequest(call)).isEmpty();
    assertThat(CREATE_TAG.checkResponse(201, "application/json", TAG)).isEmpty();
  }

  @Test
  void anIntegerIdWhereTheSpecSaysStringIsCaughtWithItsPath() {
    List<Violation> v = CREATE_TAG.checkResponse(
        201, "application/json", TAG.replace("\"id\": \"12\"", "\"id\": 12"));
    assertThat(v).singleElement().satisfies(one -> {
      assertThat(one.part()).isEqualTo("response 201 body");
      assertThat(one.at()).isEqualTo("/id");
      assertThat(one.message()).contains("integer").contains("string");
      assertThat(one.schemaPath()).isEqualTo("#/components/schemas/Tag/properties/id/type");
    });
  }

  @Test
  void referencesResolveAcrossComponents() {
    // Tag.category is a $ref to CategoryReference, which requires a string id.
    String badCategory = TAG.replace("{\"id\": \"3\"}", "{\"id\": 3}");
    assertThat(CREATE_TAG.checkResponse(201, "application/json", badCategory))
        .extracting(Violation::at)
        .containsExactly("/category/id");
    assertThat(
            CREATE_TAG.checkResponse(201, "application/json", TAG.replace("{\"id\": \"3\"}", "{}")))
        .extracting(Violation::message)
        .singleElement()
        .asString()
        .contains("id");
  }

  @Test
  void aMissingRequiredPropertyIsCaught() {
    List<Violation> v = CREATE_TASK.checkRequest(Call.post("/tasks", """
        {"title": "Call back", "due_time": "2026-12-01T15:00:00Z"}"""));
    assertThat(v).singleElement().satisfies(one -> {
      assertThat(one.part()).isEqualTo("request body");
      assertThat(one.message()).contains("assigned_to_user_id");
    });
  }

  @Test
  void enumsAndDateTimesAreAsserted() {
    assertThat(CREATE_TASK.checkRequest(Call.post("/tasks", """
        {"assigned_to_user_id": "1", "priority": "URGENT"}""")))
        .extracting(Violation::at)
        .containsExactly("/priority");
    assertThat(CREATE_TAG.checkResponse(
            201, "application/json", TAG.replace("2026-11-26T10:15:30Z", "yesterday")))
        .extracting(Violation::at)
        .containsExactly("/create_time");
    assertThat(CREATE_TAG.checkResponse(
            201, "application/json", TAG.replace("2026-11-26T10:15:30Z", "2026-11-26T10:15:30")))
        .as("a date-time without an offset")
        .extracting(Violation::at)
        .containsExactly("/create_time");
  }

  @Test
  void optionalPropertiesMayBeOmittedButNotNull() {
    assertThat(CREATE_TAG.checkResponse(201, "application/json", "{\"id\": \"12\"}"))
        .isEmpty();
    assertThat(CREATE_TAG.checkResponse(
            201, "application/json", "{\"id\": \"12\", \"description\": null}"))
        .extracting(Violation::at)
        .containsExactly("/description");
  }

  @Test
  void theRepairsOfTheSpecAreExactlyTheKnownOnes() {
    assertThat(SPEC.repairs())
        .containsExactlyInAnyOrder(
            "/components/schemas/CreateTaskRequest/properties/remind_time_mins",
            "/components/schemas/Task/properties/remind_time_mins",
            "/components/schemas/CreateUpdateTaskRequest/properties/remind_time_mins",
            "/components/schemas/UpdateTaskResponse/properties/remind_time_mins",
            "/components/schemas/Note/properties/pinned_at",
            "/components/schemas/GetNoteResponse/properties/pinned_at",
            "/components/schemas/UpdateNoteResponse/properties/pinned_at",
            "/components/schemas/OpportunityStageMove/properties/prev_stage_move_time");
  }

  @Test
  void aNoteMayBeUnpinnedWithNullAsItsDescriptionSays() {
    SpecOperation createNote = SPEC.operation("POST", "/rest/v2/contacts/{contact_id}/notes");
    assertThat(createNote.checkResponse(
            201, "application/json", "{\"id\": \"4\", \"pinned_at\": null}"))
        .isEmpty();
    assertThat(
            createNote.checkResponse(201, "application/json", "{\"id\": \"4\", \"title\": null}"))
        .extracting(Violation::at)
        .containsExactly("/title");
  }

  @Test
  void remindTimeMinutesAcceptTheIntegersTheSpecMeans() {
    assertThat(CREATE_TASK.checkRequest(
            Call.post("/tasks", "{\"assigned_to_user_id\": \"1\", \"remind_time_mins\": 30}")))
        .isEmpty();
    assertThat(CREATE_TASK.checkRequest(
            Call.post("/tasks", "{\"assigned_to_user_id\": \"1\", \"remind_time_mins\": 7}")))
        .extracting(Violation::at)
        .containsExactly("/remind_time_mins");
    assertThat(CREATE_TASK.checkRequest(
            Call.post("/tasks", "{\"assigned_to_user_id\": \"1\", \"remind_time_mins\": \"30\"}")))
        .extracting(Violation::at)
        .containsOnly("/remind_time_mins");
  }

  @Test
  void statusMustBeASuccessTheOperationDeclares() {
    assertThat(CREATE_TAG.checkResponse(200, "application/json", TAG))
        .extracting(Violation::toString)
        .singleElement()
        .asString()
        .contains("200")
        .contains("[201]");
    assertThat(CREATE_TAG.checkResponse(404, "application/json", "{\"code\": 404}"))
        .extracting(Violation::part)
        .containsExactly("response status");
  }

  @Test
  void aStatusWithoutDeclaredContentMustHaveAnEmptyBody() {
    assertThat(REMOVE_TAGS.checkResponse(204, null, "")).isEmpty();
    assertThat(REMOVE_TAGS.checkResponse(204, "application/json", "{}"))
        .extracting(Violation::part)
        .containsExactly("response 204 body");
    assertThat(CREATE_TAG.checkResponse(201, "application/json", ""))
        .extracting(Violation::message)
        .containsExactly("is empty but the spec declares a JSON body");
    assertThat(CREATE_TAG.checkResponse(201, "text/plain", "not json"))
        .extracting(Violation::part)
        .containsExactly("response 201 content type", "response 201 body");
  }

  @Test
  void requestPathMustFitTheTemplateAndTheBodyTheOperation() {
    assertThat(REMOVE_TAGS.checkRequest(
            Call.post("/tags/5/contacts:removeTags", "{\"contact_ids\": [\"1\"]}")))
        .isEmpty();
    assertThat(REMOVE_TAGS.checkRequest(
            Call.post("/tags/5/contacts:applyTags", "{\"contact_ids\": [\"1\"]}")))
        .extracting(Violation::part)
        .containsExactly("request path");
    assertThat(REMOVE_TAGS.checkRequest(
            Call.post("/tags/5/contacts:removeTags", "{\"contact_ids\": [\"1\", \"1\"]}")))
        .as("contact_ids are unique items")
        .extracting(Violation::at)
        .containsExactly("/contact_ids");
    assertThat(LIST_USERS.checkRequest(Call.post("/users", "{}")))
        .extracting(Violation::part)
        .containsExactly("request method", "request body");
    assertThat(CREATE_TAG.checkRequest(new Call("POST", "/tags", null)))
        .extracting(Violation::part)
        .containsExactly("request body");
  }

  @Test
  void queryParametersMustBeDeclaredAndValid() {
    assertThat(LIST_USERS.checkRequest(
            Call.get("/users?page_size=100&filter=email%3D%3Da%40b.c&order_by=name%20asc")))
        .isEmpty();
    assertThat(LIST_USERS.checkRequest(Call.get("/users?page_size=101")))
        .extracting(Violation::part)
        .containsExactly("query page_size");
    assertThat(LIST_USERS.checkRequest(Call.get("/users?page_size=ten")))
        .extracting(Violation::part)
        .containsExactly("query page_size");
    assertThat(LIST_USERS.checkRequest(Call.get("/users?limit=5")))
        .extracting(Violation::toString)
        .containsExactly("query limit: is not a query parameter of this operation");
    SpecOperation updateTag = SPEC.operation("PATCH", "/rest/v2/tags/{tag_id}");
    assertThat(updateTag.checkRequest(
            Call.patch("/tags/1?update_mask=name&update_mask=description", "{\"name\": \"x\"}")))
        .isEmpty();
    assertThat(
            updateTag.checkRequest(Call.patch("/tags/1?update_mask=colour", "{\"name\": \"x\"}")))
        .extracting(Violation::part)
        .containsExactly("query update_mask");
  }

  @Test
  void aFailedExchangeIsReportedReadably() {
    Exchange ex = new Exchange(
        Call.post("/tags", "{\"name\": 5}"),
        jsonReply(201, TAG.replace("\"id\": \"12\"", "\"id\": 12")));
    assertThatThrownBy(() -> CREATE_TAG.assertConforms(ex))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("createTag (POST /rest/v2/tags) does not keep Keap's spec:")
        .hasMessageContaining("request body at /name: integer found, string expected")
        .hasMessageContaining("response 201 body at /id: integer found, string expected")
        .hasMessageContaining("sent:     POST /tags {\"name\": 5}")
        .hasMessageContaining("answered: 201 {");
  }

  private static TestHttp.Reply jsonReply(int status, String body) {
    return new TestHttp.Reply(
        status,
        HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true),
        body);
  }
}
