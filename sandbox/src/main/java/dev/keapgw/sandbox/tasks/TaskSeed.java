package dev.keapgw.sandbox.tasks;

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
 * Ten tasks per tenant spread over the users, some done, some overdue, some with no due
 * date. A task refers to a seeded contact (ids 1 to 20) or opportunity only when that row
 * exists, so the seed works with or without the contacts module.
 */
final class TaskSeed {
  private TaskSeed() {}

  private static final String[][] TASKS = {
    {"Call back about the quote", "CALL", "Asked for a price on the premium plan."},
    {"Send proposal", "EMAIL", "Include the three-year option."},
    {"Schedule site visit", "APPOINTMENT", "Prefers mornings."},
    {"Follow up on unpaid invoice", "CALL", "Invoice is 15 days past due."},
    {"Prepare onboarding packet", "OTHER", "Welcome letter, login details, training calendar."},
    {"Check in after installation", "CALL", "Make sure everything works."},
    {"Renewal reminder", "EMAIL", "Contract renews next month."},
    {"Review contract terms", "OTHER", "Legal asked for changes to section 4."},
    {"Send thank-you note", "EMAIL", "For the referral."},
    {"Ask for a testimonial", "EMAIL", "Happy customer since last spring."},
  };
  private static final String[] PRIORITIES = {"CRITICAL", "ESSENTIAL", "NONESSENTIAL"};
  private static final int[] REMINDERS = {15, 30, 60, 1440};

  static void seed(Tenant tenant, SeedPlan plan, Clock clock) {
    Table tasks = tenant.table(TasksModule.TABLE);
    if (tasks.size() > 0) {
      return;
    }
    Random rnd = new Random(plan.randomSeed() * 31 + 2);
    Instant now = clock.instant();
    int users = Math.max(1, References.size(tenant, "users"));
    List<String> contacts = References.existingIds(tenant, "contacts", 20);
    List<ObjectNode> opportunities = References.first(tenant, "opportunities", Integer.MAX_VALUE);
    for (int i = 0; i < TASKS.length; i++) {
      String[] spec = TASKS[i];
      Instant created =
          now.minus(Duration.ofDays(2 + rnd.nextInt(60))).minusSeconds(rnd.nextInt(86_400));
      String user = Integer.toString(1 + i % users);
      ObjectNode t = Json.object();
      t.put("title", spec[0]);
      t.put("description", spec[2]);
      t.put("type", spec[1]);
      t.put("priority", PRIORITIES[rnd.nextInt(PRIORITIES.length)]);
      boolean done = i % 4 == 3;
      t.put("completed", done);
      t.put("create_time", World.timestamp(created));
      Instant modified = min(created.plus(Duration.ofHours(1 + rnd.nextInt(48))), now);
      t.put("modification_time", World.timestamp(modified));
      if (done) {
        t.put("completion_time", World.timestamp(modified));
      }
      if (i % 5 != 4) {
        // some overdue, most ahead
        t.put(
            "due_time",
            World.timestamp(
                now.plus(Duration.ofDays(rnd.nextInt(21) - 5)).truncatedTo(ChronoUnit.HOURS)));
        t.put("remind_time_mins", REMINDERS[rnd.nextInt(REMINDERS.length)]);
      }
      t.put("assigned_to_user_id", user);
      t.put("created_by_user_id", "1");
      t.put("last_updated_by_user_id", user);
      if (i < 2 && i < opportunities.size()) {
        ObjectNode o = opportunities.get(i);
        String contact = o.path("contact").path("id").asText(null);
        if (contact != null) {
          t.put("contact_id", contact);
        }
        t.put("opportunity_id", o.path("id").asText());
      } else if (!contacts.isEmpty()) {
        t.put("contact_id", contacts.get(rnd.nextInt(contacts.size())));
      }
      t.put("accepted", !done && rnd.nextBoolean());
      t.putArray("custom_fields");
      long id = tasks.nextId();
      t.put("id", Long.toString(id));
      tasks.put(id, TaskViews.canonical(t));
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
