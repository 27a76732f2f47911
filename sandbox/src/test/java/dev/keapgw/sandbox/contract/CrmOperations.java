package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Seed operations on companies, tasks, opportunities and stages: how each is exercised. */
final class CrmOperations {
  private CrmOperations() {}

  static List<SeedCall> all() {
    return List.of(
        new SeedCall(
            "GET",
            "/rest/v2/companies",
            d -> d.get("/companies?page_size=10&order_by=name%20asc")
                .then(body -> assertThat(body.path("companies")).isNotEmpty())),
        new SeedCall(
            "POST",
            "/rest/v2/companies",
            d -> d.post("/companies", newCompany(SeedData.unique("Acme Supplies")))),
        new SeedCall("GET", "/rest/v2/companies/{company_id}", d -> {
          String id = d.company();
          return d.get("/companies/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "PATCH",
            "/rest/v2/companies/{company_id}",
            d -> d.patch("/companies/" + d.company(), """
            {"website": "https://supplies.example.com", "notes": "Prefers email over calls"}""")),
        new SeedCall(
            "DELETE",
            "/rest/v2/companies/{company_id}",
            d -> d.delete("/companies/"
                + d.create("/companies", newCompany(SeedData.unique("Gone Tomorrow"))))),
        new SeedCall(
            "GET",
            "/rest/v2/tasks",
            d -> d.get("/tasks?page_size=10&filter=is_completed%3D%3Dfalse")),
        new SeedCall(
            "POST",
            "/rest/v2/tasks",
            d -> d.post("/tasks", newTask(d, "Call back about the quote"))
                .then(body -> assertThat(body.path("title").asText())
                    .isEqualTo("Call back about the quote"))),
        new SeedCall("GET", "/rest/v2/tasks/{task_id}", d -> {
          String id = d.task();
          return d.get("/tasks/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "PATCH",
            "/rest/v2/tasks/{task_id}",
            d -> d.patch("/tasks/" + d.create("/tasks", newTask(d, "Send the contract")), """
            {"priority": "CRITICAL", "description": "They asked for it by Friday"}""")
                .then(body -> assertThat(body.path("priority").asText()).isEqualTo("CRITICAL"))),
        new SeedCall(
            "DELETE",
            "/rest/v2/tasks/{task_id}",
            d -> d.delete("/tasks/" + d.create("/tasks", newTask(d, "Cancelled visit")))),
        new SeedCall("GET", "/rest/v2/opportunities", d -> d.get("/opportunities?page_size=10")),
        new SeedCall(
            "POST",
            "/rest/v2/opportunities",
            d -> d.post("/opportunities", newOpportunity(d, "Annual plan upgrade"))
                .then(body -> assertThat(body.path("opportunity_title").asText())
                    .isEqualTo("Annual plan upgrade"))),
        new SeedCall(
            "GET",
            "/rest/v2/opportunities/stages",
            d -> d.get("/opportunities/stages?page_size=20")
                .then(body -> assertThat(body.path("stages")).isNotEmpty())),
        new SeedCall("GET", "/rest/v2/opportunities/{opportunity_id}", d -> {
          String id = d.opportunity();
          return d.get("/opportunities/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "PATCH",
            "/rest/v2/opportunities/{opportunity_id}",
            d -> d.patch(
                "/opportunities/"
                    + d.create("/opportunities", newOpportunity(d, "Second location")),
                """
            {"next_action_notes": "Send the revised quote", "projected_revenue_high": 12000.0}""")),
        new SeedCall(
            "DELETE",
            "/rest/v2/opportunities/{opportunity_id}",
            d -> d.delete("/opportunities/"
                + d.create("/opportunities", newOpportunity(d, "Lost to a competitor")))));
  }

  private static String newCompany(String name) {
    return """
        {"company_name": "%s", "website": "https://acme.example.com",
         "email_address": {"email": "orders@acme.example.com", "field": "EMAIL1"},
         "phone_number": {"number": "555-0199", "field": "PHONE1", "type": "Work"},
         "address": {"field": "BILLING", "line1": "1 Industrial Way", "locality": "Dayton",
                     "region": "Ohio", "postal_code": "45402", "country_code": "USA"}}""".formatted(name);
  }

  private static String newTask(SeedData d, String title) {
    return """
        {"title": "%s", "description": "Promised on the last call", "type": "Call",
         "assigned_to_user_id": "%s", "contact_id": "%s", "due_time": "2026-12-01T15:00:00Z",
         "priority": "ESSENTIAL", "remind_time_mins": 30}""".formatted(title, d.user(), d.contact());
  }

  private static String newOpportunity(SeedData d, String title) {
    return """
        {"opportunity_title": "%s", "contact_id": "%s", "stage_id": "%s", "user_id": "%s",
         "estimated_close_time": "2027-01-15T00:00:00Z", "projected_revenue_low": 4000.0,
         "projected_revenue_high": 9000.0, "include_in_forecast": true}""".formatted(title, d.contact(), d.stage(), d.user());
  }
}
