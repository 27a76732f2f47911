package dev.keapgw.sandbox.opportunities;

import static dev.keapgw.sandbox.CrmTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.contract.SpecContract;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpportunityListTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsTheFiveStagesWithTheSpecsFields() {
    TestHttp.Reply r = FIX.api().get("/opportunities/stages");
    assertThat(r.status()).isEqualTo(200);
    JsonNode stages = r.json().get("stages");
    List<String> names = new ArrayList<>();
    stages.forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).containsExactly("Lead", "Qualified", "Proposal", "Negotiation", "Won");
    JsonNode won = stages.get(4);
    assertThat(won.get("order").asInt()).isEqualTo(5);
    assertThat(won.get("probability").asInt()).isEqualTo(100);
    assertThat(won.has("target_number_days")).isTrue();
    assertThat(won.get("created_time").asText()).endsWith("Z");
    assertThat(stages.get(1).at("/checklist_items/0/required").asBoolean()).isTrue();
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
    assertThat(SpecContract.keap().schemaViolations("ListOpportunityStagesResponse", r.json()))
        .isEmpty();
  }

  @Test
  void filtersAndOrdersStages() {
    JsonNode desc = FIX.api()
        .get("/opportunities/stages?order_by=stage_order%20desc")
        .json()
        .get("stages");
    assertThat(desc.get(0).get("name").asText()).isEqualTo("Won");
    JsonNode neg = FIX.api()
        .get("/opportunities/stages?filter=opportunity_stage_name==" + q("neg*"))
        .json()
        .get("stages");
    assertThat(neg).hasSize(1);
    assertThat(neg.get(0).get("name").asText()).isEqualTo("Negotiation");
    JsonNode late = FIX.api()
        .get("/opportunities/stages?filter=opportunity_stage_id" + q(">") + "3")
        .json()
        .get("stages");
    assertThat(CrmTestSupport.ids(late)).containsExactly("4", "5");
    assertThat(FIX.api().get("/opportunities/stages?order_by=name").status()).isEqualTo(400);
  }

  @Test
  void filtersByStageTitleRevenueAndIds() {
    list("stage_id==1").forEach(o -> assertThat(o.at("/stage/id").asText()).isEqualTo("1"));
    assertThat(list("stage_id==1").size()).isPositive();
    JsonNode web = list("opportunity_title==" + q("website*"));
    assertThat(web.size()).isPositive();
    web.forEach(o -> assertThat(o.get("opportunity_title").asText()).startsWith("Website"));
    list("projected_revenue_high" + q(">=") + "20000")
        .forEach(o ->
            assertThat(o.get("projected_revenue_high").asDouble()).isGreaterThanOrEqualTo(20000));
    assertThat(CrmTestSupport.ids(list("ids==" + q("2,3")))).containsExactly("2", "3");
    assertThat(CrmTestSupport.ids(list("opportunity_id" + q(">") + "6")))
        .allMatch(id -> Long.parseLong(id) > 6);
    list("user_id==2").forEach(o -> assertThat(o.at("/user/id").asText()).isEqualTo("2"));
    assertThat(list("lead_source_name==" + q("Ref*")).size()).isPositive();
  }

  @Test
  void idsRulesAndUnknownFieldsAre400s() {
    assertBadFilter("ids==1" + q(";") + "opportunity_id" + q(">") + "1", "ids");
    String many =
        IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).collect(Collectors.joining(","));
    assertBadFilter("ids==" + q(many), "ids");
    assertBadFilter("stage==1", "stage");
    assertBadFilter("affiliate_id" + q("!=") + "1", "affiliate_id");
    assertBadFilter("projected_revenue_low" + q(">") + "lots", "projected_revenue_low");
  }

  @Test
  void ordersByCreatedTimeAndTitle() {
    List<String> created = new ArrayList<>();
    FIX.api()
        .get("/opportunities?order_by=created_time%20desc")
        .json()
        .get("opportunities")
        .forEach(o -> created.add(o.get("created_time").asText()));
    assertThat(created)
        .hasSizeGreaterThanOrEqualTo(8)
        .isSortedAccordingTo(Comparator.reverseOrder());
    List<String> titles = new ArrayList<>();
    FIX.api()
        .get("/opportunities?order_by=opportunity_title")
        .json()
        .get("opportunities")
        .forEach(o -> titles.add(o.get("opportunity_title").asText().toLowerCase()));
    assertThat(titles).isSorted();
    assertThat(FIX.api().get("/opportunities?order_by=contact_name%20asc").status())
        .isEqualTo(200);
    TestHttp.Reply r = FIX.api().get("/opportunities?order_by=create_time");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("order_by");
  }

  @Test
  void pageWalkServesEveryOpportunityOnce() {
    List<String> walked = CrmTestSupport.ids(CrmTestSupport.walk(
        FIX.api(), "/opportunities?order_by=next_action_time", "opportunities", 3));
    assertThat(walked).doesNotHaveDuplicates();
    assertThat(walked)
        .containsExactlyInAnyOrderElementsOf(CrmTestSupport.ids(
            FIX.api().get("/opportunities?page_size=1000").json().get("opportunities")));
  }

  private static void assertBadFilter(String filter, String field) {
    TestHttp.Reply r = FIX.api().get("/opportunities?filter=" + filter);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).as(r.body()).isEqualTo(field);
  }

  private static JsonNode list(String filter) {
    TestHttp.Reply r = FIX.api().get("/opportunities?page_size=1000&filter=" + filter);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("opportunities");
  }
}
