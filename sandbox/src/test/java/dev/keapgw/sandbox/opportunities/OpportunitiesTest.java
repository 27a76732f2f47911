package dev.keapgw.sandbox.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.contract.SpecContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpportunitiesTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsSeededOpportunitiesWithStageObjects() {
    TestHttp.Reply r = FIX.api().get("/opportunities");
    assertThat(r.status()).isEqualTo(200);
    JsonNode all = r.json().get("opportunities");
    assertThat(all.size()).isGreaterThanOrEqualTo(8);
    for (JsonNode o : all) {
      assertThat(o.get("opportunity_title").asText()).isNotEmpty();
      assertThat(o.at("/stage/name").asText())
          .isIn("Lead", "Qualified", "Proposal", "Negotiation", "Won");
      assertThat(o.at("/stage/details/stage_order").asInt()).isBetween(1, 5);
      assertThat(o.has("created_by")).isFalse();
      assertThat(o.has("custom_fields")).isFalse();
    }
  }

  @Test
  void fieldsAddsTheOptionalAndLegacyFields() {
    JsonNode o = FIX.api()
        .get("/opportunities/1?fields=created_by,last_updated_by,stage_entrance_time,custom_fields")
        .json();
    assertThat(o.get("created_by").asText()).isEqualTo("1");
    assertThat(o.get("stage_entrance_time").asText()).endsWith("Z");
    assertThat(o.get("custom_fields").isArray()).isTrue();
    assertThat(o.get("opportunity_title").asText()).isNotEmpty();
    TestHttp.Reply bad = FIX.api().get("/opportunities?fields=secret_sauce");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/details/0/resource").asText()).isEqualTo("secret_sauce");
  }

  @Test
  void createTakesIdsAndAnswersObjects() {
    String contact = CrmTestSupport.someContactId(FIX.api());
    TestHttp.Reply r = FIX.api()
        .post(
            "/opportunities",
            Map.of(
                "opportunity_title",
                "Pool heating",
                "contact_id",
                contact,
                "stage_id",
                "2",
                "user_id",
                "3",
                "projected_revenue_high",
                1500.5,
                "estimated_close_time",
                "2026-06-30T00:00:00+02:00"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode o = r.json();
    assertThat(o.at("/contact/id").asText()).isEqualTo(contact);
    assertThat(o.at("/stage/id").asText()).isEqualTo("2");
    assertThat(o.at("/stage/name").asText()).isEqualTo("Qualified");
    assertThat(o.at("/stage/details/probability").asInt()).isEqualTo(25);
    assertThat(o.at("/stage/details/checklist_items/0/description").asText())
        .isEqualTo("Confirm budget");
    assertThat(o.at("/user/first_name").asText()).isEqualTo("Alan");
    assertThat(o.get("projected_revenue_high").asDouble()).isEqualTo(1500.5);
    assertThat(o.get("estimated_close_time").asText()).isEqualTo("2026-06-29T22:00:00.000Z");
    assertThat(o.has("created_by")).isFalse();
    assertThat(SpecContract.keap().schemaViolations("RestV2Opportunity", o)).isEmpty();
    TestHttp.Reply listed =
        FIX.api().get("/opportunities?filter=ids==" + o.get("id").asText());
    assertThat(SpecContract.keap().schemaViolations("ListOpportunitiesResponse", listed.json()))
        .isEmpty();
    assertThat(listed.json().get("opportunities")).hasSize(1);
    JsonNode got = FIX.api().get("/opportunities/" + o.get("id").asText()).json();
    assertThat(got.get("opportunity_title").asText()).isEqualTo("Pool heating");
  }

  @Test
  void invalidBodiesAre400sNamingTheField() {
    String contact = CrmTestSupport.someContactId(FIX.api());
    assertInvalid(valid(contact, "opportunity_title", null), "opportunity_title");
    assertInvalid(valid(contact, "contact_id", null), "contact_id");
    assertInvalid(valid(contact, "stage_id", null), "stage_id");
    assertInvalid(valid(contact, "stage_id", "99"), "stage_id");
    assertInvalid(valid(contact, "user_id", "99"), "user_id");
    assertInvalid(valid(contact, "projected_revenue_low", "lots"), "projected_revenue_low");
    assertInvalid(valid(contact, "next_action_time", "soon"), "next_action_time");
    assertInvalid(valid(contact, "include_in_forecast", "yes"), "include_in_forecast");
    assertInvalid(valid(contact, "title", "Typo"), "title");
  }

  @Test
  void unknownContactIsA400WhereContactsAreEmulated() {
    Assumptions.assumeTrue(
        CrmTestSupport.contactsEmulated(FIX.api()), "no contacts module on this build");
    assertInvalid(valid("987654", "contact_id", "987654"), "contact_id");
  }

  @Test
  void patchMovesStagesAndHonoursTheMask() {
    String contact = CrmTestSupport.someContactId(FIX.api());
    String id = FIX.api()
        .post("/opportunities", valid(contact, "stage_id", "1"))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api()
        .patch(
            "/opportunities/" + id + "?fields=stage_entrance_time",
            Map.of("stage_id", "5", "opportunity_notes", "Signed"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().at("/stage/name").asText()).isEqualTo("Won");
    assertThat(r.json().at("/stage/details/probability").asInt()).isEqualTo(100);
    assertThat(r.json().get("opportunity_notes").asText()).isEqualTo("Signed");
    assertThat(r.json().get("stage_entrance_time").asText()).isNotEmpty();

    r = FIX.api()
        .patch(
            "/opportunities/" + id + "?update_mask=next_action_notes",
            Map.of("opportunity_title", "Ignored", "next_action_notes", "Send invoice"));
    assertThat(r.json().get("opportunity_title").asText()).isEqualTo("Deal");
    assertThat(r.json().get("next_action_notes").asText()).isEqualTo("Send invoice");

    r = FIX.api().send("PATCH", "/opportunities/" + id, "application/json", "{\"stage_id\":null}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("stage_id");
    r = FIX.api().patch("/opportunities/" + id + "?update_mask=stage", Map.of());
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("update_mask");
  }

  @Test
  void deleteAnswers204AndUnknownIdsAre404s() {
    String id = FIX.api()
        .post("/opportunities", valid(CrmTestSupport.someContactId(FIX.api()), "stage_id", "3"))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api().delete("/opportunities/" + id);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(FIX.api().get("/opportunities/" + id).status()).isEqualTo(404);
    assertThat(FIX.api().delete("/opportunities/" + id).status()).isEqualTo(404);
    assertThat(FIX.api()
            .patch("/opportunities/999999", Map.of("opportunity_title", "x"))
            .status())
        .isEqualTo(404);
    assertThat(FIX.api().get("/opportunities/nope").status()).isEqualTo(404);
  }

  private static Map<String, Object> valid(String contact, String field, Object value) {
    Map<String, Object> body =
        new HashMap<>(Map.of("opportunity_title", "Deal", "contact_id", contact, "stage_id", "1"));
    if (value == null) {
      body.remove(field);
    } else {
      body.put(field, value);
    }
    return body;
  }

  private static void assertInvalid(Object body, String field) {
    TestHttp.Reply r = FIX.api().post("/opportunities", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).as(r.body()).isEqualTo(field);
  }
}
