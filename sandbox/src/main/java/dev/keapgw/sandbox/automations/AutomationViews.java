package dev.keapgw.sandbox.automations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.list.Clause;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.List;
import java.util.Locale;

/**
 * How automations are listed: page sizes 0 to 25, and Keap's filter and order fields.
 * {@code name} matches the title anywhere, or at its start with a trailing {@code *};
 * {@code status} takes {@code published} or {@code draft}; {@code categories} takes category
 * ids and matches an automation in any of them. The spec's own example filters on
 * {@code automation_id}, so that name is taken as well as {@code id}.
 */
final class AutomationViews {
  private AutomationViews() {}

  static final ListSpec LIST = ListSpec.of(
          "automation",
          "automations",
          List.of(
              FilterField.custom("name", Op.EQUALITY, true, AutomationViews::nameMatches),
              FilterField.number("id", Op.ALL, row -> row.path("id").asText(null)),
              FilterField.number("automation_id", Op.ALL, row -> row.path("id").asText(null)),
              FilterField.custom(
                      "status",
                      Op.EQUALITY,
                      false,
                      (row, c) -> row.path("status").asText("").equalsIgnoreCase(c.value()))
                  .checked(v -> v.equalsIgnoreCase("published") || v.equalsIgnoreCase("draft")),
              FilterField.custom("categories", Op.EQUALITY, false, AutomationViews::inCategory)
                  .checked(FilterField.ValueCheck.NUMBER)),
          List.of(
              OrderField.text("name", "title"),
              new OrderField("category", AutomationViews::firstCategory),
              new OrderField(
                  "activeContacts", row -> row.path("active_contacts").asLong(0)),
              OrderField.text("publishedDate", "published_date")))
      .pageSizes(0, 25, 25);

  private static boolean nameMatches(ObjectNode row, Clause c) {
    String title = row.path("title").asText("").toLowerCase(Locale.ROOT);
    String want = c.value().toLowerCase(Locale.ROOT);
    return c.prefix() ? title.startsWith(want) : title.contains(want);
  }

  private static boolean inCategory(ObjectNode row, Clause c) {
    for (JsonNode cat : row.path("categories")) {
      if (c.values().contains(cat.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Automations sort by their first category id; those without one come first. */
  private static Comparable<?> firstCategory(ObjectNode row) {
    JsonNode first = row.path("categories").path(0);
    try {
      return first.isMissingNode() ? 0L : Long.parseLong(first.asText());
    } catch (NumberFormatException e) {
      return 0L;
    }
  }
}
