package dev.keapgw.sandbox.opportunities;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.RowPatch;
import java.util.Map;
import java.util.Set;

/**
 * Writes a create or PATCH body onto an opportunity row. Requests name the contact, stage
 * and user by id ({@code contact_id}, {@code stage_id}, {@code user_id}); the row keeps the
 * objects the response schema has. The title, contact and stage cannot be cleared; the
 * stage must exist; the contact must exist where this build can check it.
 */
final class OpportunityInput {
  private OpportunityInput() {}

  static final Set<String> WRITABLE = Set.of(
      "opportunity_title",
      "next_action_time",
      "next_action_notes",
      "opportunity_notes",
      "estimated_close_time",
      "include_in_forecast",
      "projected_revenue_low",
      "projected_revenue_high",
      "contact_id",
      "stage_id",
      "user_id",
      "custom_fields",
      "affiliate_id");
  static final Set<String> READ_ONLY = Set.of(
      "id",
      "contact",
      "stage",
      "user",
      "created_time",
      "last_updated_time",
      "lead_source",
      "monthly_revenue",
      "order_revenue",
      "objection",
      "status",
      "status_id",
      "stage_entrance_time",
      "last_updated_by",
      "created_by");
  static final Map<String, String> HINTS = Map.of(
      "title", "the title is 'opportunity_title'",
      "stage_name", "the stage is 'stage_id' (see GET /opportunities/stages)");
  /** The spec's update_mask enum for updateOpportunity: exactly the writable fields. */
  static final Set<String> MASKABLE = WRITABLE;

  static final Set<String> REQUIRED = Set.of("opportunity_title", "contact_id", "stage_id");

  static void apply(ObjectNode row, BodyReader body, OpportunityLinks links, String now) {
    for (String f : REQUIRED) {
      if (body.isNull(f)) {
        throw body.invalid(f, f + " cannot be cleared");
      }
    }
    String title = body.string("opportunity_title");
    if (title != null && title.isBlank()) {
      throw body.invalid("opportunity_title", "opportunity_title must not be blank");
    }
    RowPatch.set(row, body, "opportunity_title", title);
    RowPatch.set(row, body, "next_action_time", body.time("next_action_time"));
    RowPatch.set(row, body, "next_action_notes", body.string("next_action_notes"));
    RowPatch.set(row, body, "opportunity_notes", body.string("opportunity_notes"));
    RowPatch.set(row, body, "estimated_close_time", body.time("estimated_close_time"));
    if (body.has("include_in_forecast")) {
      row.put("include_in_forecast", Boolean.TRUE.equals(body.bool("include_in_forecast")));
    }
    for (String f : new String[] {"projected_revenue_low", "projected_revenue_high"}) {
      Double v = body.number(f);
      if (v != null) {
        row.put(f, v);
      } else if (body.isNull(f)) {
        row.remove(f);
      }
    }
    links(row, body, links, now);
    String affiliate = body.id("affiliate_id");
    if (affiliate != null && !links.accepts("affiliates", affiliate)) {
      throw body.invalid("affiliate_id", "affiliate_id " + affiliate + " does not exist");
    }
    RowPatch.set(row, body, "affiliate_id", affiliate);
    RowPatch.customFields(row, body);
  }

  private static void links(ObjectNode row, BodyReader body, OpportunityLinks links, String now) {
    String contact = body.id("contact_id");
    if (contact != null) {
      if (!links.accepts("contacts", contact)) {
        throw body.invalid("contact_id", "contact_id " + contact + " does not exist");
      }
      row.set("contact", links.contactFor(contact));
    }
    String stage = body.id("stage_id");
    if (stage != null) {
      ObjectNode s = links
          .stageRow(stage)
          .orElseThrow(() -> body.invalid("stage_id", "stage_id " + stage + " does not exist"));
      if (!stage.equals(row.path("stage").path("id").asText(null))) {
        row.put("stage_entrance_time", now);
      }
      row.set("stage", OpportunityLinks.stage(s));
    }
    String user = body.id("user_id");
    if (user != null) {
      ObjectNode u = links
          .userRow(user)
          .orElseThrow(
              () -> body.invalid("user_id", "user_id " + user + " is not a user of this account"));
      row.set("user", OpportunityLinks.user(u));
    } else if (body.isNull("user_id")) {
      row.remove("user");
    }
  }
}
