package dev.keapgw.sandbox.automations;

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
import java.util.Optional;
import java.util.Random;

/**
 * Four automations, three published and one draft that user 2 is editing, the same on every
 * run with the same plan. Category ids 1 and 2 stand for "Lead nurture" and "Sales".
 */
final class AutomationSeed {
  private AutomationSeed() {}

  private static final String[] TITLES = {
    "Welcome new subscribers",
    "Abandoned cart follow-up",
    "Webinar reminders",
    "Win-back inactive customers",
  };
  private static final String[][] CATEGORIES = {{"1"}, {"2"}, {"1", "2"}, {}};

  static void seed(Tenant tenant, SeedPlan plan, Instant now) {
    Table table = tenant.table(AutomationsModule.TABLE);
    if (table.size() > 0) {
      return;
    }
    Random rnd = new Random(plan.randomSeed() * 31 + 43);
    for (int i = 0; i < TITLES.length; i++) {
      boolean draft = i == TITLES.length - 1;
      ObjectNode a = Json.object();
      a.put("id", "");
      a.put("title", TITLES[i]);
      ArrayNode categories = a.putArray("categories");
      for (String c : CATEGORIES[i]) {
        categories.add(c);
      }
      a.put("status", draft ? "DRAFT" : "PUBLISHED");
      a.put("locked", false);
      a.put("active_contacts", draft ? 0 : 5 + rnd.nextInt(400));
      if (!draft) {
        a.put("published_date", World.timestamp(now.minus(Duration.ofDays(3 + rnd.nextInt(120)))));
        a.put("published_by", "1");
        a.put("published_timezone", "America/New_York");
      }
      ObjectNode lock = a.putObject("current_edit_lock_status").put("locked", draft);
      if (draft) {
        Optional<ObjectNode> editor = user(tenant, "2");
        lock.put("user_id", "2");
        lock.put("user_name", editor.map(u -> u.path("keap_id").asText("")).orElse(""));
        lock.put(
            "user_firstname", editor.map(u -> u.path("given_name").asText("")).orElse(""));
      }
      table.insert(a);
    }
  }

  private static Optional<ObjectNode> user(Tenant tenant, String id) {
    return References.row(tenant, "users", id);
  }
}
