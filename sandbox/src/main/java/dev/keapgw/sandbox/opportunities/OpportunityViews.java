package dev.keapgw.sandbox.opportunities;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.input.FieldSelection;
import dev.keapgw.sandbox.list.Clause;
import dev.keapgw.sandbox.list.Filter;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How opportunities are answered: the spec's property order, the fields that come only when
 * {@code fields} names them (custom fields, the record's authors, the status id and the legacy
 * fields), and the list's filter and order fields. Filters on the contact's phone, city and
 * state read the contact as it is now.
 */
final class OpportunityViews {
  private OpportunityViews() {}

  static final List<String> ORDER = List.of(
      "id",
      "contact",
      "stage",
      "user",
      "opportunity_title",
      "next_action_time",
      "next_action_notes",
      "opportunity_notes",
      "estimated_close_time",
      "include_in_forecast",
      "projected_revenue_low",
      "projected_revenue_high",
      "custom_fields",
      "created_time",
      "last_updated_time",
      "affiliate_id",
      "lead_source",
      "monthly_revenue",
      "order_revenue",
      "objection",
      "status",
      "status_id",
      "stage_entrance_time",
      "last_updated_by",
      "created_by");

  static final Set<String> OPTIONAL = Set.of(
      "custom_fields",
      "created_by",
      "last_updated_by",
      "status_id",
      "monthly_revenue",
      "order_revenue",
      "objection",
      "status",
      "stage_entrance_time");

  static final FieldSelection FIELDS = FieldSelection.optional(defaults(), OPTIONAL, "opportunity");

  static final int MAX_IDS = 100;

  private static final FilterField.ValueCheck IDS = v -> v.chars().allMatch(Character::isDigit);

  /** The list spec over the tenant whose contacts {@code links} reads. */
  static ListSpec list(OpportunityLinks links) {
    return ListSpec.of(
        "opportunity",
        "opportunities",
        List.of(
            FilterField.exact(
                    "stage_id", row -> listOf(row.path("stage").path("id").asText(null)))
                .checked(IDS),
            FilterField.exact(
                    "user_id", row -> listOf(row.path("user").path("id").asText(null)))
                .checked(IDS),
            new FilterField(
                "contact_id",
                Op.EQ_NE,
                false,
                FilterField.exact("contact_id", OpportunityViews::contactKeys).matcher(),
                "contact_id",
                IDS),
            FilterField.text(
                "opportunity_title", true, row -> listOf(Json.text(row, "opportunity_title"))),
            FilterField.text(
                "lead_source_name", true, row -> listOf(Json.text(row, "lead_source"))),
            new FilterField(
                "affiliate_id",
                Op.EQUALITY,
                false,
                FilterField.exact("affiliate_id", row -> listOf(Json.text(row, "affiliate_id")))
                    .matcher(),
                null,
                IDS),
            FilterField.number("opportunity_id", Op.COMPARE, row -> Json.text(row, "id")),
            FilterField.exact("ids", row -> listOf(Json.text(row, "id"))).checked(IDS),
            FilterField.text(
                "contact_phone",
                true,
                row -> listOf(Json.text(links.contactOf(row), "phone_number"))),
            FilterField.text(
                "contact_city", true, row -> listOf(Json.text(links.contactOf(row), "city"))),
            FilterField.text(
                "contact_state", true, row -> listOf(Json.text(links.contactOf(row), "state"))),
            FilterField.number(
                "projected_revenue_high",
                Op.COMPARE,
                row -> Json.text(row, "projected_revenue_high")),
            FilterField.number(
                "projected_revenue_low",
                Op.COMPARE,
                row -> Json.text(row, "projected_revenue_low"))),
        List.of(
            OrderField.text("next_action_time", "next_action_time"),
            new OrderField("contact_name", row -> contactName(links.contactOf(row))),
            OrderField.text("opportunity_title", "opportunity_title"),
            OrderField.text("created_time", "created_time"),
            OrderField.text("update_time", "last_updated_time")));
  }

  /** The spec's rules across clauses: {@code ids} holds at most 100 ids and excludes {@code opportunity_id}. */
  static void checkFilter(KeapRequest r, ListSpec spec) {
    Filter f = Filter.parse(r.param("filter"), spec.filters(), spec.domain());
    boolean byId = false;
    Clause ids = null;
    for (Clause c : f.clauses()) {
      byId |= c.field().equals("opportunity_id");
      if (c.field().equals("ids")) {
        ids = c;
      }
    }
    if (ids != null && byId) {
      throw ApiException.invalidField(
          "opportunity", "ids", "ids and opportunity_id cannot be used together");
    }
    if (ids != null && ids.values().size() > MAX_IDS) {
      throw ApiException.invalidField(
          "opportunity", "ids", "ids takes at most " + MAX_IDS + " ids");
    }
  }

  static ObjectNode canonical(ObjectNode row) {
    return Json.inOrder(row, ORDER);
  }

  static List<String> contactKeys(ObjectNode row) {
    return listOf(row.path("contact").path("id").asText(null));
  }

  private static String contactName(ObjectNode contact) {
    return (contact.path("first_name").asText("") + " "
            + contact.path("last_name").asText(""))
        .trim()
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> listOf(String v) {
    return v == null ? List.of() : List.of(v);
  }

  private static Set<String> defaults() {
    Set<String> s = new HashSet<>(ORDER);
    s.removeAll(OPTIONAL);
    return s;
  }
}
