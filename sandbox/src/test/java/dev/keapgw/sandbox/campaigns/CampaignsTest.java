package dev.keapgw.sandbox.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignsTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsTheSeededCampaignsWithKeapFields() {
    TestHttp.Reply r = FIX.api().get("/campaigns");
    assertThat(r.status()).isEqualTo(200);
    JsonNode campaigns = r.json().get("campaigns");
    assertThat(campaigns).hasSize(2);
    assertThat(names(campaigns)).containsExactly("Welcome New Leads", "Spring Promotion");
    JsonNode first = campaigns.get(0);
    assertThat(first.get("id").isTextual()).isTrue();
    assertThat(first.get("published_status").isBoolean()).isTrue();
    assertThat(first.get("active_contact_count").isInt()).isTrue();
    assertThat(first.get("date_created").asText()).endsWith("Z");
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
  }

  @Test
  void filtersByNameAnywhereInItAndOrdersByKeapFields() {
    TestHttp.Reply r = FIX.api().get("/campaigns?filter=name%3D%3DPROMO");
    assertThat(r.status()).isEqualTo(200);
    assertThat(names(r.json().get("campaigns"))).containsExactly("Spring Promotion");

    assertThat(names(FIX.api().get("/campaigns?order_by=name%20asc").json().get("campaigns")))
        .containsExactly("Spring Promotion", "Welcome New Leads");
    assertThat(names(FIX.api().get("/campaigns?order_by=id%20desc").json().get("campaigns")))
        .containsExactly("Spring Promotion", "Welcome New Leads");

    TestHttp.Reply badOrder = FIX.api().get("/campaigns?order_by=title");
    assertThat(badOrder.status()).isEqualTo(400);
    assertThat(badOrder.json().at("/details/0/resource").asText()).isEqualTo("order_by");
    TestHttp.Reply badFilter = FIX.api().get("/campaigns?filter=status%3D%3Dx");
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(badFilter.json().at("/details/0/resource").asText()).isEqualTo("status");
  }

  @Test
  void getsOneCampaignAnd404sAnUnknownOne() {
    TestHttp.Reply r = FIX.api().get("/campaigns/1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("name").asText()).isEqualTo("Welcome New Leads");
    TestHttp.Reply missing = FIX.api().get("/campaigns/999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("status").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void listsACampaignsSequencesWithTheirSteps() {
    TestHttp.Reply r = FIX.api().get("/campaigns/1/sequences");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("campaign_id").asText()).isEqualTo("1");
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
    JsonNode seqs = r.json().get("sequences");
    assertThat(seqs.size()).isBetween(2, 3);
    JsonNode s = seqs.get(0);
    assertThat(s.has("campaign_id")).isFalse();
    assertThat(s.get("name").asText()).isEqualTo("Day 1 welcome");
    JsonNode items = s.at("/paths/0/items");
    assertThat(items.size()).isGreaterThanOrEqualTo(2);
    assertThat(items.get(0).get("type").asText()).isEqualTo("Email");
    assertThat(items.get(0).get("next_item_id").asText())
        .isEqualTo(items.get(1).get("id").asText());
    assertThat(s.at("/historical_contact_count/30_days").isInt()).isTrue();
    assertThat(FIX.api().get("/campaigns/999/sequences").status()).isEqualTo(404);
  }

  @Test
  void addingAndRemovingContactsReportsEachOutcomeAndKeepsCounts() {
    String contact = CrmTestSupport.contactId(FIX, "Ann", null, "ann@example.com");
    String seq = firstSequence("2");
    int seqBefore = sequence("2", seq).get("active_contact_count").asInt();
    int campaignBefore =
        FIX.api().get("/campaigns/2").json().get("active_contact_count").asInt();

    TestHttp.Reply add = FIX.api()
        .post(
            "/campaigns/2/sequences/" + seq + ":addContacts",
            "{\"contact_ids\":[\"" + contact + "\",\"999999\",\"abc\"]}");
    assertThat(add.status()).isEqualTo(200);
    JsonNode results = add.json().get("add_to_sequence_results");
    assertThat(results.get(contact).asText()).isEqualTo("SUCCESS");
    assertThat(results.get("999999").asText()).isEqualTo("CONTACT_DOES_NOT_EXIST");
    assertThat(results.get("abc").asText()).isEqualTo("FAILED");
    assertThat(sequence("2", seq).get("active_contact_count").asInt()).isEqualTo(seqBefore + 1);
    assertThat(sequence("2", seq).at("/historical_contact_count/24_hours").asInt())
        .isGreaterThanOrEqualTo(1);
    assertThat(FIX.api().get("/campaigns/2").json().get("active_contact_count").asInt())
        .isEqualTo(campaignBefore + 1);

    TestHttp.Reply again = FIX.api()
        .post(
            "/campaigns/2/sequences/" + seq + ":addContacts",
            "{\"contact_ids\":[\"" + contact + "\"]}");
    assertThat(again.json().at("/add_to_sequence_results/" + contact).asText())
        .isEqualTo("ALREADY_IN_SEQUENCE");
    assertThat(sequence("2", seq).get("active_contact_count").asInt()).isEqualTo(seqBefore + 1);

    TestHttp.Reply remove = FIX.api()
        .post(
            "/campaigns/2/sequences/" + seq + ":removeContacts",
            "{\"contact_ids\":[\"" + contact + "\",\"999999\",\"abc\"]}");
    assertThat(remove.status()).isEqualTo(200);
    JsonNode removed = remove.json().get("remove_from_sequence_results");
    assertThat(removed.get(contact).asText()).isEqualTo("SUCCESS");
    assertThat(removed.get("999999").asText()).isEqualTo("CONTACT_DOES_NOT_EXIST");
    assertThat(removed.get("abc").asText()).isEqualTo("FAILED");
    assertThat(sequence("2", seq).get("active_contact_count").asInt()).isEqualTo(seqBefore);
    assertThat(FIX.api().get("/campaigns/2").json().get("active_contact_count").asInt())
        .isEqualTo(campaignBefore);
  }

  @Test
  void aDeletedContactLeavesEverySequence() {
    String contact = CrmTestSupport.contactId(FIX, "Bob", null, "bob@example.com");
    List<String> seqs = sequenceIds("1");
    int campaignBefore =
        FIX.api().get("/campaigns/1").json().get("active_contact_count").asInt();
    for (String seq : seqs) {
      FIX.api()
          .post(
              "/campaigns/1/sequences/" + seq + ":addContacts",
              "{\"contact_ids\":[\"" + contact + "\"]}");
    }
    // one contact in several sequences counts once for the campaign
    assertThat(FIX.api().get("/campaigns/1").json().get("active_contact_count").asInt())
        .isEqualTo(campaignBefore + 1);
    int seqWith = sequence("1", seqs.get(0)).get("active_contact_count").asInt();

    CrmTestSupport.deleteContact(FIX, contact);

    assertThat(sequence("1", seqs.get(0)).get("active_contact_count").asInt())
        .isEqualTo(seqWith - 1);
    assertThat(FIX.api().get("/campaigns/1").json().get("active_contact_count").asInt())
        .isEqualTo(campaignBefore);
    TestHttp.Reply add = FIX.api()
        .post(
            "/campaigns/1/sequences/" + seqs.get(0) + ":addContacts",
            "{\"contact_ids\":[\"" + contact + "\"]}");
    assertThat(add.json().at("/add_to_sequence_results/" + contact).asText())
        .isEqualTo("CONTACT_DOES_NOT_EXIST");
  }

  @Test
  void badSequenceCallsAnswer404Or400NamingTheField() {
    String seqOfCampaign1 = firstSequence("1");
    TestHttp.Reply otherCampaign = FIX.api()
        .post(
            "/campaigns/2/sequences/" + seqOfCampaign1 + ":addContacts",
            "{\"contact_ids\":[\"1\"]}");
    assertThat(otherCampaign.status()).isEqualTo(404);
    assertThat(otherCampaign.json().at("/details/0/domain").asText()).isEqualTo("sequence");
    assertThat(FIX.api()
            .post("/campaigns/999/sequences/1:removeContacts", "{\"contact_ids\":[\"1\"]}")
            .status())
        .isEqualTo(404);

    for (String body : List.of(
        "{}",
        "{\"contact_ids\":[]}",
        "{\"contact_ids\":\"1\"}",
        "{\"contact_ids\":[{\"id\":\"1\"}]}")) {
      TestHttp.Reply r =
          FIX.api().post("/campaigns/1/sequences/" + seqOfCampaign1 + ":addContacts", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.json().at("/details/0/resource").asText()).as(body).isEqualTo("contact_ids");
    }
    assertThat(FIX.api()
            .post("/campaigns/1/sequences/" + seqOfCampaign1 + ":removeContacts", "not json")
            .status())
        .isEqualTo(400);
  }

  @Test
  void ordersByActiveContacts() {
    String cy = CrmTestSupport.contactId(FIX, "Cy", null, "cy@example.com");
    String di = CrmTestSupport.contactId(FIX, "Di", null, "di@example.com");
    FIX.api()
        .post(
            "/campaigns/2/sequences/" + firstSequence("2") + ":addContacts",
            "{\"contact_ids\":[\"" + cy + "\",\"" + di + "\"]}");
    JsonNode desc =
        FIX.api().get("/campaigns?order_by=activeContacts%20desc").json().get("campaigns");
    assertThat(desc.get(0).get("active_contact_count").asInt())
        .isGreaterThanOrEqualTo(desc.get(1).get("active_contact_count").asInt());
    JsonNode asc =
        FIX.api().get("/campaigns?order_by=activeContacts%20asc").json().get("campaigns");
    assertThat(names(asc)).containsExactlyElementsOf(names(desc).reversed());
  }

  private static JsonNode sequence(String campaign, String id) {
    for (JsonNode s :
        FIX.api().get("/campaigns/" + campaign + "/sequences").json().get("sequences")) {
      if (s.get("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no sequence " + id + " in campaign " + campaign);
  }

  private static String firstSequence(String campaign) {
    return sequenceIds(campaign).get(0);
  }

  private static List<String> sequenceIds(String campaign) {
    List<String> out = new ArrayList<>();
    FIX.api()
        .get("/campaigns/" + campaign + "/sequences")
        .json()
        .get("sequences")
        .forEach(s -> out.add(s.get("id").asText()));
    return out;
  }

  private static List<String> names(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("name").asText()));
    return out;
  }
}
