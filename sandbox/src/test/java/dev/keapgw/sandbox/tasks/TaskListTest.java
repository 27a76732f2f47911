package dev.keapgw.sandbox.tasks;

import static dev.keapgw.sandbox.CrmTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskListTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void completedIsNotAFilterFieldButIsCompletedIs() {
    TestHttp.Reply r = FIX.api().get("/tasks?filter=completed==false");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("completed");

    JsonNode open = list("is_completed==false");
    JsonNode done = list("is_completed==true");
    assertThat(open.size()).isPositive();
    assertThat(done.size()).isPositive();
    open.forEach(t -> assertThat(t.get("completed").asBoolean()).isFalse());
    done.forEach(t -> {
      assertThat(t.get("completed").asBoolean()).isTrue();
      assertThat(t.has("completion_time")).isTrue();
    });
    assertThat(FIX.api().get("/tasks?filter=is_completed==maybe").status()).isEqualTo(400);
  }

  @Test
  void filtersByAssigneeIncludingUnassigned() {
    JsonNode mine = list("user_id==2");
    assertThat(mine.size()).isPositive();
    mine.forEach(t -> assertThat(t.get("assigned_to_user_id").asText()).isEqualTo("2"));
    assertThat(list("user_id==UNASSIGNED").size()).isZero();
    assertThat(FIX.api().get("/tasks?filter=user_id==nobody").status()).isEqualTo(400);
  }

  @Test
  void filtersByDueDatePriorityIdsAndTitle() {
    JsonNode undated = list("has_due_date==false");
    assertThat(undated.size()).isPositive();
    undated.forEach(t -> assertThat(t.has("due_time")).isFalse());
    list("priority==CRITICAL")
        .forEach(t -> assertThat(t.get("priority").asText()).isEqualTo("CRITICAL"));
    TestHttp.Reply bad = FIX.api().get("/tasks?filter=priority==HIGH");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/details/0/resource").asText()).isEqualTo("priority");
    assertThat(CrmTestSupport.ids(list("task_ids==" + q("2,4")))).containsExactly("2", "4");
    assertThat(CrmTestSupport.ids(list("id" + q(">") + "8" + q(";") + "id" + q("<=") + "9")))
        .containsExactly("9");
    assertThat(CrmTestSupport.ids(list("title==" + q("send*")))).isNotEmpty();
    list("title==" + q("send*"))
        .forEach(t -> assertThat(t.get("title").asText()).startsWithIgnoringCase("send"));
  }

  @Test
  void filtersByContactOpportunityAndTime() {
    String contact = CrmTestSupport.someContactId(FIX.api());
    String id = FIX.api()
        .post("/tasks", Map.of("assigned_to_user_id", "1", "contact_id", contact))
        .json()
        .get("id")
        .asText();
    assertThat(CrmTestSupport.ids(list("contact_id==" + contact))).contains(id);
    list("contact_id==" + contact)
        .forEach(t -> assertThat(t.get("contact_id").asText()).isEqualTo(contact));
    assertThat(list("opportunity_id==1").size()).isPositive();
    assertThat(list("since_time==2999-01-01T00:00:00.000Z").size()).isZero();
    assertThat(CrmTestSupport.ids(list("until_time==2999-01-01T00:00:00.000Z"))).contains(id);
  }

  @Test
  void ordersByDueTimeAndCreateTime() {
    List<String> due = new ArrayList<>();
    list("has_due_date==true", "due_time%20asc")
        .forEach(t -> due.add(t.get("due_time").asText()));
    assertThat(due).hasSizeGreaterThan(2).isSorted();
    List<String> created = new ArrayList<>();
    FIX.api()
        .get("/tasks?order_by=create_time%20desc")
        .json()
        .get("tasks")
        .forEach(t -> created.add(t.get("create_time").asText()));
    assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(FIX.api().get("/tasks?order_by=update_time%20desc").status()).isEqualTo(200);
    TestHttp.Reply r = FIX.api().get("/tasks?order_by=title");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("order_by");
  }

  @Test
  void pageWalkServesEveryTaskOnce() {
    List<String> walked = CrmTestSupport.ids(
        CrmTestSupport.walk(FIX.api(), "/tasks?order_by=due_time%20desc", "tasks", 4));
    assertThat(walked).doesNotHaveDuplicates();
    assertThat(walked)
        .containsExactlyInAnyOrderElementsOf(
            CrmTestSupport.ids(FIX.api().get("/tasks?page_size=1000").json().get("tasks")));
    TestHttp.Reply r = FIX.api().get("/tasks?page_size=2&page_token=forged");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("page_token");
  }

  private static JsonNode list(String filter) {
    return list(filter, null);
  }

  private static JsonNode list(String filter, String orderBy) {
    TestHttp.Reply r = FIX.api()
        .get("/tasks?page_size=1000&filter=" + filter
            + (orderBy == null ? "" : "&order_by=" + orderBy));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("tasks");
  }
}
