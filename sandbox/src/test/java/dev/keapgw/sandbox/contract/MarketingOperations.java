package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Seed operations on campaigns and their sequences, emails and automations. */
final class MarketingOperations {
  private MarketingOperations() {}

  static List<SeedCall> all() {
    return List.of(
        new SeedCall(
            "GET",
            "/rest/v2/campaigns",
            d -> d.get("/campaigns?page_size=10")
                .then(body -> assertThat(body.path("campaigns")).isNotEmpty())),
        new SeedCall("GET", "/rest/v2/campaigns/{campaign_id}", d -> {
          String id = d.campaign();
          return d.get("/campaigns/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "GET",
            "/rest/v2/campaigns/{campaign_id}/sequences",
            d -> d.get("/campaigns/" + d.campaignSequence()[0] + "/sequences")),
        new SeedCall(
            "POST", "/rest/v2/campaigns/{campaign_id}/sequences/{sequence_id}:addContacts", d -> {
              String[] cs = d.campaignSequence();
              String contact = d.contact();
              return d.post(
                      "/campaigns/" + cs[0] + "/sequences/" + cs[1] + ":addContacts",
                      contactIds(contact))
                  .then(body -> assertThat(body.path("add_to_sequence_results").has(contact))
                      .isTrue());
            }),
        new SeedCall(
            "POST",
            "/rest/v2/campaigns/{campaign_id}/sequences/{sequence_id}:removeContacts",
            d -> {
              String[] cs = d.campaignSequence();
              String sequence = "/campaigns/" + cs[0] + "/sequences/" + cs[1];
              String contact = d.contact();
              d.setup(Call.post(sequence + ":addContacts", contactIds(contact)));
              return d.post(sequence + ":removeContacts", contactIds(contact))
                  .then(body -> assertThat(
                          body.at("/remove_from_sequence_results/" + contact).asText())
                      .isEqualTo("SUCCESS"));
            }),
        new SeedCall("GET", "/rest/v2/emails", d -> d.get("/emails?page_size=10")),
        new SeedCall("GET", "/rest/v2/emails/{id}", d -> {
          String id = d.email();
          return d.get("/emails/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "POST",
            "/rest/v2/emails:send",
            d -> d.post("/emails:send", """
            {"contacts": ["%s"], "subject": "Your quote", "user_id": "%s",
             "html_content": "%s", "plain_content": "%s", "address_field": "Email"}""".formatted(
                    d.contact(),
                    d.user(),
                    base64("<p>Here is the quote we discussed.</p>"),
                    base64("Here is the quote we discussed.")))),
        new SeedCall(
            "GET",
            "/rest/v2/automations",
            d -> d.get("/automations?page_size=5")
                .then(body -> assertThat(body.path("automations")).isNotEmpty())),
        new SeedCall("GET", "/rest/v2/automations/{automation_id}", d -> {
          String id = d.automation();
          return d.get("/automations/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }));
  }

  private static String contactIds(String id) {
    return "{\"contact_ids\": [\"" + id + "\"]}";
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
