package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Seed operations on contacts, their notes, tags and tag categories: how each is exercised. */
final class ContactOperations {
  private ContactOperations() {}

  static List<SeedCall> all() {
    return List.of(
        new SeedCall(
            "GET",
            "/rest/v2/contacts",
            d -> d.get("/contacts?page_size=5&order_by=id%20asc")
                .then(body -> assertThat(body.path("contacts")).isNotEmpty())),
        new SeedCall("POST", "/rest/v2/contacts", d -> {
          String email = SeedData.unique("created").replace(' ', '.') + "@contract.example.com";
          return d.post("/contacts", newContact("Ada", "Byron", email))
              .then(body ->
                  assertThat(body.at("/email_addresses/0/email").asText()).isEqualTo(email));
        }),
        new SeedCall("GET", "/rest/v2/contacts/{contact_id}", d -> {
          String id = d.contact();
          return d.get("/contacts/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "PATCH",
            "/rest/v2/contacts/{contact_id}",
            d -> d.patch("/contacts/" + d.contact(), """
            {"job_title": "Head of Purchasing", "website": "https://purchasing.example.com"}""")
                .then(body ->
                    assertThat(body.path("job_title").asText()).isEqualTo("Head of Purchasing"))),
        new SeedCall("DELETE", "/rest/v2/contacts/{contact_id}", d -> {
          String email = SeedData.unique("deleted").replace(' ', '.') + "@contract.example.com";
          return d.delete(
              "/contacts/" + d.create("/contacts", newContact("Short", "Lived", email)));
        }),
        new SeedCall(
            "GET",
            "/rest/v2/contacts/{contact_id}/notes",
            d -> d.get("/contacts/" + d.contact() + "/notes?page_size=10")),
        new SeedCall(
            "POST",
            "/rest/v2/contacts/{contact_id}/notes",
            d -> d.post("/contacts/" + d.contact() + "/notes", """
            {"user_id": "%s", "title": "Follow-up call", "type": "Call",
             "text": "Asked for a quote on the annual plan."}""".formatted(d.user()))
                .then(body -> assertThat(body.path("title").asText()).isEqualTo("Follow-up call"))),
        new SeedCall("GET", "/rest/v2/tags", d -> d.get("/tags?page_size=10&order_by=name%20asc")),
        new SeedCall(
            "POST",
            "/rest/v2/tags",
            d -> d.post("/tags", """
            {"name": "%s", "description": "Came from the spring webinar", "category": {"id": "%s"}}""".formatted(SeedData.unique("Webinar lead"), d.tagCategory()))),
        new SeedCall("GET", "/rest/v2/tags/{tag_id}", d -> {
          String id = d.tag();
          return d.get("/tags/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "PATCH",
            "/rest/v2/tags/{tag_id}",
            d -> d.patch("/tags/" + newTag(d) + "?update_mask=description", """
            {"description": "Renamed after the campaign ended"}""")),
        new SeedCall("DELETE", "/rest/v2/tags/{tag_id}", d -> d.delete("/tags/" + newTag(d))),
        new SeedCall("GET", "/rest/v2/tags/{tag_id}/contacts", d -> {
          String tag = newTag(d);
          d.setup(Call.post("/tags/" + tag + "/contacts:applyTags", contactIds(d.contact())));
          return d.get("/tags/" + tag + "/contacts?page_size=10")
              .then(body -> assertThat(body.path("contacts")).hasSize(1));
        }),
        new SeedCall("POST", "/rest/v2/tags/{tag_id}/contacts:applyTags", d -> {
          String contact = d.contact();
          return d.post("/tags/" + newTag(d) + "/contacts:applyTags", contactIds(contact))
              .then(body -> assertThat(body.path("results").has(contact)).isTrue());
        }),
        new SeedCall("POST", "/rest/v2/tags/{tag_id}/contacts:removeTags", d -> {
          String tag = newTag(d);
          String contact = d.contact();
          d.setup(Call.post("/tags/" + tag + "/contacts:applyTags", contactIds(contact)));
          return d.post("/tags/" + tag + "/contacts:removeTags", contactIds(contact));
        }),
        new SeedCall(
            "GET", "/rest/v2/tags/categories", d -> d.get("/tags/categories?page_size=10")),
        new SeedCall(
            "POST",
            "/rest/v2/tags/categories",
            d -> d.post("/tags/categories", """
            {"name": "%s", "description": "Where a lead first met us"}""".formatted(SeedData.unique("Lead source")))));
  }

  private static String newContact(String given, String family, String email) {
    return """
        {"given_name": "%s", "family_name": "%s",
         "email_addresses": [{"email": "%s", "field": "EMAIL1"}],
         "phone_numbers": [{"number": "555-0142", "field": "PHONE1", "type": "Work"}],
         "addresses": [{"field": "BILLING", "line1": "12 Market Street", "locality": "Springfield",
                        "region": "Illinois", "postal_code": "62701", "country_code": "USA"}]}""".formatted(given, family, email);
  }

  private static String newTag(SeedData d) {
    return d.create("/tags", """
        {"name": "%s", "description": "Made by a contract test"}""".formatted(SeedData.unique("Contract tag")));
  }

  private static String contactIds(String... ids) {
    return "{\"contact_ids\": [\"" + String.join("\", \"", ids) + "\"]}";
  }
}
