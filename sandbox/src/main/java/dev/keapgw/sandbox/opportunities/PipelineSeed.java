package dev.keapgw.sandbox.opportunities;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule.SeedPlan;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * A sales pipeline per tenant: five stages (Lead to Won) and eight opportunities spread over
 * them. An opportunity refers to one of the seeded contacts (ids 1 to 20) when the contacts
 * module seeded them; without contacts it is seeded with no contact at all.
 */
final class PipelineSeed {
  private PipelineSeed() {}

  /** name, order, probability, target days, checklist items (description:required). */
  private static final Object[][] STAGES = {
    {"Lead", 1, 10, 7, new String[] {"Qualify the need:true"}},
    {"Qualified", 2, 25, 14, new String[] {"Confirm budget:true", "Identify decision maker:false"}},
    {"Proposal", 3, 50, 14, new String[] {"Send proposal:true"}},
    {"Negotiation", 4, 75, 10, new String[] {}},
    {"Won", 5, 100, 0, new String[] {}},
  };

  private static final String[] TITLES = {
    "Website redesign", "Annual maintenance contract", "Solar panel installation",
        "Office cleaning plan",
    "Fleet service agreement", "Marketing retainer", "Team fitness memberships",
        "Insurance renewal",
  };
  private static final String[] SOURCES = {"Website", "Referral", "Trade show", "Google Ads"};

  static void seed(Tenant tenant, SeedPlan plan, Clock clock) {
    Random rnd = new Random(plan.randomSeed() * 31 + 3);
    Instant now = clock.instant();
    Table stages = tenant.table(OpportunitiesModule.STAGES);
    if (stages.size() == 0) {
      seedStages(stages, now);
    }
    Table opportunities = tenant.table(OpportunitiesModule.TABLE);
    if (opportunities.size() > 0) {
      return;
    }
    OpportunityLinks links = new OpportunityLinks(tenant);
    List<String> contacts = References.existingIds(tenant, "contacts", 20);
    int users = References.size(tenant, "users");
    for (int i = 0; i < TITLES.length; i++) {
      Instant created =
          now.minus(Duration.ofDays(5 + rnd.nextInt(90))).minusSeconds(rnd.nextInt(86_400));
      Instant updated =
          created.plus(Duration.ofDays(rnd.nextInt(5))).plusSeconds(rnd.nextInt(3_600));
      double low = 500 * (1 + rnd.nextInt(40));
      ObjectNode o = Json.object();
      if (!contacts.isEmpty()) {
        o.set("contact", links.contactFor(contacts.get(rnd.nextInt(contacts.size()))));
      }
      String stageId = Integer.toString(1 + i % STAGES.length);
      stages.get(stageId).ifPresent(s -> o.set("stage", OpportunityLinks.stage(s)));
      if (users > 0) {
        links
            .userRow(Integer.toString(1 + rnd.nextInt(users)))
            .ifPresent(u -> o.set("user", OpportunityLinks.user(u)));
      }
      o.put("opportunity_title", TITLES[i]);
      o.put(
          "next_action_time",
          World.timestamp(
              now.plus(Duration.ofDays(1 + rnd.nextInt(14))).truncatedTo(ChronoUnit.HOURS)));
      o.put("next_action_notes", "Call to discuss next steps");
      o.put(
          "opportunity_notes",
          "Interested after the " + SOURCES[i % SOURCES.length].toLowerCase() + " contact.");
      o.put(
          "estimated_close_time",
          World.timestamp(
              now.plus(Duration.ofDays(14 + rnd.nextInt(60))).truncatedTo(ChronoUnit.DAYS)));
      o.put("include_in_forecast", rnd.nextInt(4) != 0);
      o.put("projected_revenue_low", low);
      o.put("projected_revenue_high", low * 2);
      o.putArray("custom_fields");
      o.put("created_time", World.timestamp(created));
      o.put("last_updated_time", World.timestamp(updated));
      o.put("lead_source", SOURCES[i % SOURCES.length]);
      o.put("monthly_revenue", 0.0);
      o.put("order_revenue", 0.0);
      o.put("stage_entrance_time", World.timestamp(updated));
      o.put("last_updated_by", "1");
      o.put("created_by", "1");
      long id = opportunities.nextId();
      o.put("id", Long.toString(id));
      opportunities.put(id, OpportunityViews.canonical(o));
    }
  }

  private static void seedStages(Table stages, Instant now) {
    String created = World.timestamp(now.minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.DAYS));
    int itemId = 0;
    for (Object[] s : STAGES) {
      ObjectNode row = Json.object();
      long id = stages.nextId();
      row.put("id", Long.toString(id));
      row.put("name", (String) s[0]);
      row.put("order", (Integer) s[1]);
      row.put("target_number_days", (Integer) s[3]);
      row.put("probability", (Integer) s[2]);
      row.put("created_time", created);
      row.put("updated_time", created);
      ArrayNode items = row.putArray("checklist_items");
      int order = 0;
      for (String item : (String[]) s[4]) {
        String[] parts = item.split(":");
        items
            .addObject()
            .put("id", Integer.toString(++itemId))
            .put("description", parts[0])
            .put("required", Boolean.parseBoolean(parts[1]))
            .put("order", ++order);
      }
      stages.put(id, row);
    }
  }
}
