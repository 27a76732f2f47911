package dev.keapgw.sandbox.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.FieldSelection;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * How tasks are answered: the spec's property order, {@code custom_fields} only when
 * {@code fields} names it, and the list's filter and order fields. The seed examples'
 * {@code completed==false} is not a filter field (it is {@code is_completed}) and answers 400.
 */
final class TaskViews {
  private TaskViews() {}

  static final List<String> ORDER = List.of(
      "id",
      "title",
      "description",
      "type",
      "priority",
      "completed",
      "create_time",
      "modification_time",
      "completion_time",
      "due_time",
      "remind_time_mins",
      "assigned_to_user_id",
      "created_by_user_id",
      "last_updated_by_user_id",
      "contact_id",
      "opportunity_id",
      "accepted",
      "custom_fields");

  static final FieldSelection FIELDS =
      FieldSelection.optional(defaults(), Set.of("custom_fields"), "task");

  /** The assignee filter's word for tasks that nobody is assigned to. */
  static final String UNASSIGNED = "UNASSIGNED";

  private static final FilterField.ValueCheck IDS = v -> v.chars().allMatch(Character::isDigit);

  static final ListSpec LIST = ListSpec.of(
      "task",
      "tasks",
      List.of(
          new FilterField(
              "contact_id",
              Op.EQ_NE,
              false,
              exact(row -> Json.text(row, "contact_id")),
              "contact_id",
              IDS),
          FilterField.bool("has_due_date", row -> row.hasNonNull("due_time")),
          FilterField.bool("is_completed", row -> row.path("completed").asBoolean(false)),
          new FilterField(
              "user_id",
              Op.EQ_NE,
              false,
              exact(TaskViews::assignee),
              null,
              v -> v.equalsIgnoreCase(UNASSIGNED) || IDS.valid(v)),
          FilterField.exact("opportunity_id", row -> listOf(Json.text(row, "opportunity_id")))
              .checked(IDS),
          FilterField.exact("task_ids", row -> listOf(Json.text(row, "id"))).checked(IDS),
          new FilterField(
              "priority",
              Op.EQ_NE,
              false,
              exact(row -> Json.text(row, "priority")),
              null,
              v -> TaskInput.PRIORITIES.contains(v.toUpperCase(Locale.ROOT))),
          FilterField.since("since_time", row -> Json.text(row, "modification_time")),
          FilterField.until("until_time", row -> Json.text(row, "modification_time")),
          FilterField.number("id", Op.COMPARE, row -> Json.text(row, "id")),
          FilterField.text("title", true, row -> listOf(Json.text(row, "title")))),
      List.of(
          OrderField.id(),
          OrderField.text("create_time", "create_time"),
          OrderField.text("due_time", "due_time"),
          OrderField.text("update_time", "modification_time")));

  /** A copy of the row with its properties in the spec's order. */
  static ObjectNode canonical(ObjectNode row) {
    return Json.inOrder(row, ORDER);
  }

  static List<String> contactKeys(ObjectNode row) {
    return listOf(Json.text(row, "contact_id"));
  }

  private static String assignee(ObjectNode row) {
    String u = Json.text(row, "assigned_to_user_id");
    return u == null ? UNASSIGNED : u;
  }

  /** Case-insensitive equality with any of a comma-separated value; {@code !=} negates. */
  private static FilterField.Matcher exact(Function<ObjectNode, String> value) {
    return (row, c) -> {
      String have = value.apply(row);
      boolean any = have != null && c.values().stream().anyMatch(have::equalsIgnoreCase);
      return c.op() == Op.NE ? !any : any;
    };
  }

  private static List<String> listOf(String v) {
    return v == null ? List.of() : List.of(v);
  }

  private static Set<String> defaults() {
    Set<String> s = new HashSet<>(ORDER);
    s.remove("custom_fields");
    return s;
  }
}
