package dev.keapgw.sandbox.notes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule.SeedPlan;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * One or two notes on each of the tenant's first {@value #SAMPLE_CONTACTS} contacts (the
 * hand-shaped samples), written by the seeded users, once per tenant (nothing when it already
 * has notes). Generated contacts get none, to stay small.
 */
final class NoteSeed {
  static final int SAMPLE_CONTACTS = 25;

  private NoteSeed() {}

  /** Type, title, text. */
  private static final String[][] NOTES = {
    {"Call", "Intro call", "Talked through their goals for the quarter; wants a proposal by Friday."
    },
    {"Email", "Sent pricing", "Emailed the pricing sheet and two case studies."},
    {"Appointment", "Demo booked", "Product demo scheduled with the owner and office manager."},
    {"Call", "Follow-up", "Left a voicemail about the proposal; will try again Tuesday."},
    {"Letter", "Welcome pack", "Posted the welcome pack with the onboarding checklist."},
    {"Other", "Referral source", "Heard about us from a friend at the chamber of commerce."},
    {"Fax", "Signed agreement", "Received the signed service agreement by fax."},
    {"Email", "Renewal reminder", "Reminded them the annual plan renews next month."},
  };

  static void seed(Tenant tenant, SeedPlan plan, World world) {
    Table notes = tenant.table(NotesModule.TABLE);
    if (notes.size() > 0) {
      return;
    }
    Random random = new Random(plan.randomSeed() * 13 + 5);
    Instant now = world.clock().instant();
    for (ObjectNode contact : References.first(tenant, NotesModule.CONTACTS, SAMPLE_CONTACTS)) {
      Instant created = Instant.parse(contact.path("create_time").asText(World.timestamp(now)));
      int count = 1 + random.nextInt(2);
      for (int k = 0; k < count; k++) {
        String[] n = NOTES[random.nextInt(NOTES.length)];
        String userId = Integer.toString(1 + random.nextInt(3));
        ObjectNode user = References.row(tenant, "users", userId).orElse(Json.object());
        long minutes = Math.max(1, Duration.between(created, now).toMinutes());
        String time = World.timestamp(
            created.plus(Duration.ofMinutes((long) (random.nextDouble() * minutes))));
        ObjectNode note = Json.object()
            .put("title", n[1])
            .put("text", n[2])
            .put("type", n[0])
            .put("contact_id", contact.path("id").asText());
        note.set("assigned_to_user", NoteValidation.assignedUser(userId, user));
        note.put("create_time", time).put("update_time", time);
        note.put("last_updated_by_user_id", userId);
        if (random.nextInt(6) == 0) {
          note.put("pinned_at", time);
        }
        note.put("created_by_user_id", userId);
        NotesModule.insert(notes, note);
      }
    }
  }
}
