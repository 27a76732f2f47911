package dev.keapgw.sandbox.opportunities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Optional;

/**
 * The contact, stage and user objects an opportunity carries, built from the rows they
 * stand for. A row stores them as they were when written; answers read them afresh, so a
 * renamed stage or a contact's new email shows at once. A contact that cannot be looked up
 * (no contacts module on this build) keeps its stored object, at least {@code {"id"}}.
 */
final class OpportunityLinks {
  private final Tenant tenant;

  OpportunityLinks(Tenant tenant) {
    this.tenant = tenant;
  }

  /** The row with its contact, stage and user objects read from their current rows. */
  ObjectNode refresh(ObjectNode row) {
    ObjectNode out = row.deepCopy();
    String contact = Json.text(row.path("contact"), "id");
    References.row(tenant, "contacts", contact).ifPresent(c -> out.set("contact", contact(c)));
    stageRow(Json.text(row.path("stage"), "id")).ifPresent(s -> out.set("stage", stage(s)));
    String user = Json.text(row.path("user"), "id");
    References.row(tenant, "users", user).ifPresent(u -> out.set("user", user(u)));
    return out;
  }

  /** The contact object of the current contact row, or the stored one. */
  ObjectNode contactOf(ObjectNode row) {
    String id = Json.text(row.path("contact"), "id");
    return References.row(tenant, "contacts", id)
        .map(OpportunityLinks::contact)
        .orElseGet(
            () -> row.path("contact").isObject() ? (ObjectNode) row.get("contact") : Json.object());
  }

  /** The object for contact {@code id}: full from its row, or just the id when it cannot be read. */
  ObjectNode contactFor(String id) {
    return References.row(tenant, "contacts", id)
        .map(OpportunityLinks::contact)
        .orElseGet(() -> Json.object().put("id", id));
  }

  /** Whether {@code id} may be stored as a reference into {@code table} (see {@link References#accepts}). */
  boolean accepts(String table, String id) {
    return References.accepts(tenant, table, id);
  }

  Optional<ObjectNode> stageRow(String id) {
    return References.row(tenant, OpportunitiesModule.STAGES, id);
  }

  Optional<ObjectNode> userRow(String id) {
    return References.row(tenant, "users", id);
  }

  static ObjectNode contact(ObjectNode c) {
    ObjectNode o = Json.object();
    o.put("id", c.path("id").asText());
    putIf(o, "email", first(c.path("email_addresses"), "EMAIL1").path("email"));
    JsonNode address = first(c.path("addresses"), "BILLING");
    putIf(o, "city", address.path("locality"));
    putIf(
        o,
        "state",
        address.hasNonNull("region") ? address.get("region") : address.path("region_code"));
    putIf(o, "first_name", c.path("given_name"));
    putIf(o, "last_name", c.path("family_name"));
    putIf(o, "company_name", c.path("company").path("company_name"));
    putIf(o, "job_title", c.path("job_title"));
    putIf(o, "phone_number", first(c.path("phone_numbers"), "PHONE1").path("number"));
    return o;
  }

  static ObjectNode stage(ObjectNode s) {
    ObjectNode o = Json.object();
    o.put("id", s.path("id").asText());
    o.put("name", s.path("name").asText());
    ObjectNode details = o.putObject("details");
    details.put("probability", s.path("probability").asInt());
    details.put("stage_order", s.path("order").asInt());
    details.put("target_num_days", s.path("target_number_days").asInt());
    ArrayNode items = details.putArray("checklist_items");
    for (JsonNode item : s.path("checklist_items")) {
      items
          .addObject()
          .put("id", item.path("id").asLong())
          .put("description", item.path("description").asText())
          .put("required", item.path("required").asBoolean())
          .put("item_order", item.path("order").asInt());
    }
    o.putArray("reasons");
    return o;
  }

  static ObjectNode user(ObjectNode u) {
    return Json.object()
        .put("id", u.path("id").asText())
        .put("first_name", u.path("given_name").asText())
        .put("last_name", u.path("family_name").asText());
  }

  /** The item in slot {@code field}, else the first item, else a missing node. */
  private static JsonNode first(JsonNode items, String field) {
    for (JsonNode i : items) {
      if (field.equals(i.path("field").asText())) {
        return i;
      }
    }
    return items.path(0);
  }

  private static void putIf(ObjectNode o, String f, JsonNode v) {
    if (v != null && v.isTextual() && !v.asText().isEmpty()) {
      o.put(f, v.asText());
    }
  }
}
