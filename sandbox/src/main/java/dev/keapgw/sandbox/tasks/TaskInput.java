package dev.keapgw.sandbox.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.RowPatch;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Map;
import java.util.Set;

/**
 * Writes a create or PATCH body onto a task row, as the spec's CreateUpdateTaskRequest
 * describes it. A field sent as null is cleared, except {@code assigned_to_user_id}, which a
 * task must keep. Marking a task completed stamps {@code completion_time} (unless the body
 * gives one); marking it not completed clears it.
 */
final class TaskInput {
  private TaskInput() {}

  static final Set<String> WRITABLE = Set.of(
      "title",
      "description",
      "type",
      "priority",
      "completed",
      "completion_time",
      "due_time",
      "remind_time_mins",
      "assigned_to_user_id",
      "contact_id",
      "opportunity_id",
      "accepted",
      "custom_fields");
  static final Set<String> READ_ONLY = Set.of(
      "id", "create_time", "modification_time", "created_by_user_id", "last_updated_by_user_id");
  /** Names that third-party examples use, with the spec's name for the same thing. */
  static final Map<String, String> HINTS = Map.of(
      "due_date", "the due date is 'due_time' (an ISO-8601 date-time)",
      "contact", "the contact is 'contact_id' (a string id), not an object",
      "user_id", "the assignee is 'assigned_to_user_id'",
      "is_completed", "the property is 'completed'; is_completed is a filter field");
  /** The spec's update_mask enum for updateTask. */
  static final Set<String> MASKABLE = Set.of(
      "id",
      "title",
      "description",
      "type",
      "priority",
      "completion_time",
      "due_time",
      "remind_time_mins",
      "assigned_to_user_id",
      "last_updated_by_user_id",
      "contact_id",
      "opportunity_id",
      "accepted",
      "completed",
      "custom_fields");

  static final Set<String> PRIORITIES = Set.of("CRITICAL", "ESSENTIAL", "NONESSENTIAL");
  static final Set<Integer> REMIND_MINUTES = Set.of(5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880);

  static void apply(ObjectNode row, BodyReader body, Tenant tenant, String now) {
    for (String f : new String[] {"title", "description", "type"}) {
      RowPatch.set(row, body, f, body.string(f));
    }
    RowPatch.set(row, body, "priority", body.oneOf("priority", PRIORITIES));
    RowPatch.set(row, body, "due_time", body.time("due_time"));
    Integer remind = body.integer("remind_time_mins");
    if (remind != null && !REMIND_MINUTES.contains(remind)) {
      throw body.invalid(
          "remind_time_mins",
          "remind_time_mins must be one of 5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880");
    }
    if (remind != null) {
      row.put("remind_time_mins", remind);
    } else if (body.isNull("remind_time_mins")) {
      row.remove("remind_time_mins");
    }
    assignee(row, body, tenant);
    reference(row, body, tenant, "contact_id", "contacts");
    reference(row, body, tenant, "opportunity_id", "opportunities");
    if (body.has("accepted")) {
      row.put("accepted", Boolean.TRUE.equals(body.bool("accepted")));
    }
    completion(row, body, now);
    RowPatch.customFields(row, body);
  }

  private static void assignee(ObjectNode row, BodyReader body, Tenant tenant) {
    if (body.isNull("assigned_to_user_id")) {
      throw body.invalid(
          "assigned_to_user_id", "assigned_to_user_id cannot be cleared: a task needs an assignee");
    }
    String user = body.id("assigned_to_user_id");
    if (user == null) {
      return;
    }
    if (!References.exists(tenant, "users", user)) {
      throw body.invalid(
          "assigned_to_user_id", "assigned_to_user_id " + user + " is not a user of this account");
    }
    row.put("assigned_to_user_id", user);
  }

  private static void reference(
      ObjectNode row, BodyReader body, Tenant tenant, String field, String table) {
    String id = body.id(field);
    if (id != null && !References.accepts(tenant, table, id)) {
      throw body.invalid(field, field + " " + id + " does not exist");
    }
    RowPatch.set(row, body, field, id);
  }

  private static void completion(ObjectNode row, BodyReader body, String now) {
    String time = body.time("completion_time");
    if (body.has("completed")) {
      boolean done = Boolean.TRUE.equals(body.bool("completed"));
      if (done) {
        boolean wasDone = row.path("completed").asBoolean(false) && row.has("completion_time");
        if (time != null || !wasDone) {
          row.put("completion_time", time != null ? time : now);
        }
      } else {
        row.remove("completion_time");
      }
      row.put("completed", done);
    } else if (time != null) {
      row.put("completion_time", time);
      row.put("completed", true);
    } else if (body.isNull("completion_time")) {
      row.remove("completion_time");
    }
  }
}
