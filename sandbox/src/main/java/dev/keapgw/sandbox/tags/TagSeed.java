package dev.keapgw.sandbox.tags;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule.SeedPlan;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Three tag categories and ten tags, once per tenant (nothing when it already has tags). Two
 * tags are left without a category, as real accounts have them. The contact seed applies some
 * of these tags to the sample contacts.
 */
final class TagSeed {
  private TagSeed() {}

  private static final String[][] CATEGORIES = {
    {"Lead Source", "Where a contact first heard of us"},
    {"Customer Status", "Where a contact stands in the buying cycle"},
    {"Interests", "Topics a contact asked about"},
  };

  /** Name, description, category index (1-based; 0 for none). */
  private static final String[][] TAGS = {
    {"Web Form Lead", "Came in through the website form", "1"},
    {"Referral", "Referred by an existing customer", "1"},
    {"Trade Show 2025", "Met at the spring trade show", "1"},
    {"Prospect", "Interested, has not bought yet", "2"},
    {"Customer", "Has bought at least once", "2"},
    {"VIP Customer", "High-value customers", "2"},
    {"Newsletter", "Reads the monthly newsletter", "3"},
    {"Webinar Attendee", "Joined a live webinar", "3"},
    {"Nurture Subscriber", "", "0"},
    {"Do Not Call", "Asked not to be phoned", "0"},
  };

  static void seed(Tenant tenant, SeedPlan plan, World world) {
    Table tags = tenant.table(TagApplications.TAGS);
    if (tags.size() > 0) {
      return;
    }
    Random random = new Random(plan.randomSeed() * 17 + 3);
    Table categories = tenant.table(TagsModule.CATEGORIES);
    Instant now = world.clock().instant();
    for (String[] c : CATEGORIES) {
      String t = World.timestamp(now.minus(Duration.ofDays(800 + random.nextInt(100))));
      ObjectNode row = Json.object()
          .put("name", c[0])
          .put("description", c[1])
          .put("create_time", t)
          .put("update_time", t);
      TagsModule.insert(categories, row);
    }
    for (String[] t : TAGS) {
      String created = World.timestamp(
          now.minus(Duration.ofDays(750 + random.nextInt(40)).plusMinutes(random.nextInt(1440))));
      ObjectNode row = Json.object().put("name", t[0]).put("description", t[1]);
      if (!t[2].equals("0")) {
        String category = categoryId(categories, t[2]);
        row.set("category", Json.object().put("id", category));
      }
      row.put("create_time", created).put("update_time", created);
      TagsModule.insert(tags, row);
    }
  }

  /** The id of the n-th category seeded (they are the tenant's first ones). */
  private static String categoryId(Table categories, String n) {
    var it = categories.scan(null, true);
    for (int i = 1; it.hasNext(); i++) {
      var e = it.next();
      if (Integer.toString(i).equals(n)) {
        return Long.toString(e.getKey());
      }
    }
    throw new IllegalStateException("category " + n + " was not seeded");
  }
}
