package dev.keapgw.sandbox.automations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AutomationsTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsSeededAutomationsWithTheirCount() {
    TestHttp.Reply r = FIX.api().get("/automations");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("automations")).hasSize(4);
    assertThat(r.json().get("automation_count").asInt()).isEqualTo(4);
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
    JsonNode a = r.json().at("/automations/0");
    assertThat(a.get("title").asText()).isEqualTo("Welcome new subscribers");
    assertThat(a.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(a.get("categories").get(0).asText()).isEqualTo("1");
    assertThat(a.at("/current_edit_lock_status/locked").isBoolean()).isTrue();
  }

  @Test
  void pageSizeIsZeroToTwentyFiveAndTheCountCoversAllPages() {
    TestHttp.Reply tooBig = FIX.api().get("/automations?page_size=26");
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().at("/details/0/resource").asText()).isEqualTo("page_size");
    assertThat(FIX.api().get("/automations?page_size=-1").status()).isEqualTo(400);
    assertThat(FIX.api().get("/automations?page_size=0").json().get("automations"))
        .hasSize(4);
    assertThat(FIX.api().get("/automations?page_size=25").status()).isEqualTo(200);

    JsonNode first = FIX.api().get("/automations?page_size=3").json();
    assertThat(first.get("automations")).hasSize(3);
    assertThat(first.get("automation_count").asInt()).isEqualTo(4);
    String token = first.get("next_page_token").asText();
    assertThat(token).isNotEmpty();
    JsonNode second =
        FIX.api().get("/automations?page_size=3&page_token=" + token).json();
    assertThat(second.get("automations")).hasSize(1);
    assertThat(second.get("automation_count").asInt()).isEqualTo(4);
    assertThat(second.get("next_page_token").asText()).isEmpty();
  }

  @Test
  void filtersByNameStatusIdAndCategory() {
    assertThat(titles("name%3D%3Dreminder")).containsExactly("Webinar reminders");
    assertThat(titles("name%3D%3Dwin*")).containsExactly("Win-back inactive customers");
    assertThat(titles("name%3D%3Dinactive*")).isEmpty();
    assertThat(titles("status%3D%3Ddraft")).containsExactly("Win-back inactive customers");
    assertThat(titles("status%3D%3DPUBLISHED")).hasSize(3);
    assertThat(titles("id%3E2"))
        .containsExactly("Webinar reminders", "Win-back inactive customers");
    assertThat(titles("automation_id%3C%3D1")).containsExactly("Welcome new subscribers");
    assertThat(titles("categories%3D%3D2"))
        .containsExactly("Abandoned cart follow-up", "Webinar reminders");
    assertThat(titles("categories%3D%3D1,2")).hasSize(3);
    JsonNode draft = FIX.api().get("/automations?filter=status%3D%3Ddraft").json();
    assertThat(draft.get("automation_count").asInt()).isEqualTo(1);

    TestHttp.Reply badStatus = FIX.api().get("/automations?filter=status%3D%3Dlive");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.json().at("/details/0/resource").asText()).isEqualTo("status");
    assertThat(FIX.api().get("/automations?filter=name%3D%3D*cart").status()).isEqualTo(400);
  }

  @Test
  void ordersByKeapFields() {
    JsonNode desc =
        FIX.api().get("/automations?order_by=activeContacts%20desc").json().get("automations");
    for (int i = 1; i < desc.size(); i++) {
      assertThat(desc.get(i - 1).get("active_contacts").asInt())
          .isGreaterThanOrEqualTo(desc.get(i).get("active_contacts").asInt());
    }
    assertThat(titles(FIX.api().get("/automations?order_by=name%20asc").json().get("automations")))
        .containsExactly(
            "Abandoned cart follow-up",
            "Webinar reminders",
            "Welcome new subscribers",
            "Win-back inactive customers");
    assertThat(FIX.api().get("/automations?order_by=title").status()).isEqualTo(400);
  }

  @Test
  void getsOneAutomationAnd404sAnUnknownOne() {
    TestHttp.Reply r = FIX.api().get("/automations/4");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(r.json().at("/current_edit_lock_status/user_firstname").asText()).isEqualTo("Grace");
    assertThat(r.json().has("published_date")).isFalse();
    assertThat(FIX.api().get("/automations/2").json().get("published_by").asText())
        .isEqualTo("1");
    assertThat(FIX.api().get("/automations/99").status()).isEqualTo(404);
  }

  private static List<String> titles(String filter) {
    return titles(FIX.api().get("/automations?filter=" + filter).json().get("automations"));
  }

  private static List<String> titles(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("title").asText()));
    return out;
  }
}
