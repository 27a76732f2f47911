package dev.keapgw.sandbox.campaigns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule.SeedPlan;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Two published campaigns with two or three sequences each, the same on every run with the
 * same plan. When contacts were seeded before, the first few join some sequences.
 */
final class CampaignSeed {
  private CampaignSeed() {}

  private static final String[] CAMPAIGNS = {"Welcome New Leads", "Spring Promotion"};
  private static final String[][] SEQUENCES = {
    {"Day 1 welcome", "Getting to know you", "First purchase nudge"},
    {"Early bird offer", "Last chance reminder", "Thank-you follow-up"},
  };
  private static final String[] STEP_TYPES = {"Email", "DelayTimer", "Tag", "Task", "Note"};

  static void seed(Tenant tenant, SeedPlan plan, Instant now) {
    Table campaigns = tenant.table(CampaignsModule.CAMPAIGNS);
    if (campaigns.size() > 0) {
      return;
    }
    Random rnd = new Random(plan.randomSeed() * 31 + 17);
    List<String> contacts = firstContacts(tenant, 4);
    for (int c = 0; c < CAMPAIGNS.length; c++) {
      Instant created = now.minus(Duration.ofDays(40 + rnd.nextInt(60)));
      ObjectNode campaign = campaign(CAMPAIGNS[c], created, creator(tenant), rnd);
      String campaignId = Long.toString(campaigns.insert(campaign));
      int sequenceCount = 2 + rnd.nextInt(2);
      for (int s = 0; s < sequenceCount; s++) {
        ObjectNode seq = sequence(tenant, campaignId, SEQUENCES[c][s], rnd);
        for (String contactId : contacts) {
          if (rnd.nextInt(3) == 0) {
            Instant added = now.minus(Duration.ofHours(1 + rnd.nextInt(24 * 45)));
            tenant
                .table(CampaignsModule.MEMBERS)
                .insert(SequenceMembership.row(seq, contactId, World.timestamp(added)));
          }
        }
      }
      SequenceMembership.recount(tenant, campaignId);
    }
  }

  private static ObjectNode campaign(String name, Instant created, String creator, Random rnd) {
    ObjectNode c = Json.object();
    c.put("id", "");
    c.put("name", name);
    c.put("locked", false);
    c.put("date_created", World.timestamp(created));
    c.put("published_date", World.timestamp(created.plus(Duration.ofDays(1 + rnd.nextInt(5)))));
    c.put("published_status", true);
    c.put("time_zone", "America/New_York");
    c.put("published_time_zone", "America/New_York");
    c.put("created_by_global_id", creator);
    c.put("active_contact_count", 0);
    c.put("completed_contact_count", 20 + rnd.nextInt(300));
    return c;
  }

  /** A sequence of one path with a few steps chained by next and previous ids. */
  private static ObjectNode sequence(Tenant tenant, String campaignId, String name, Random rnd) {
    Table sequences = tenant.table(CampaignsModule.SEQUENCES);
    long id = sequences.nextId();
    ObjectNode s = Json.object();
    s.put("id", Long.toString(id));
    s.put("name", name);
    ArrayNode items =
        s.putArray("paths").addObject().put("id", Long.toString(id * 10 + 1)).putArray("items");
    int steps = 2 + rnd.nextInt(3);
    for (int i = 0; i < steps; i++) {
      long itemId = id * 100 + i + 1;
      String type = i == 0 ? "Email" : STEP_TYPES[rnd.nextInt(STEP_TYPES.length)];
      ObjectNode item = items
          .addObject()
          .put("id", Long.toString(itemId))
          .put("name", stepName(type, i + 1))
          .put("type", type);
      if (i + 1 < steps) {
        item.put("next_item_id", Long.toString(itemId + 1));
      }
      if (i > 0) {
        item.put("previous_item_id", Long.toString(itemId - 1));
      }
    }
    s.put("active_contact_count", 0);
    s.put("active_contact_count_completed", rnd.nextInt(150));
    s.putObject("historical_contact_count").put("24_hours", 0).put("30_days", 0);
    s.put("campaign_id", campaignId);
    sequences.put(id, s);
    return s;
  }

  private static String stepName(String type, int n) {
    return switch (type) {
      case "Email" -> "Email " + n;
      case "DelayTimer" -> "Wait " + n + " day" + (n == 1 ? "" : "s");
      case "Tag" -> "Apply interest tag";
      case "Task" -> "Call the contact";
      default -> "Log a note";
    };
  }

  private static String creator(Tenant tenant) {
    return References.row(tenant, "users", "1")
        .map(u -> u.path("global_user_id").asText(""))
        .orElse("");
  }

  /** Without a contacts module there are none, and the sequences start empty. */
  private static List<String> firstContacts(Tenant tenant, int n) {
    return References.firstIds(tenant, SequenceMembership.CONTACTS, n);
  }
}
