package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.list.Clause;
import dev.keapgw.sandbox.list.Filter;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * How contacts are listed: the filter fields of the spec's listContacts and its four orders.
 *
 * <p>{@code email==x} is answered from the table's {@code email} index, so it stays fast on a
 * million contacts; prefixes and the other fields scan. {@code city} and {@code state} read the
 * primary address (billing, else the first one); {@code state} matches the region's name or its
 * code ({@code Arizona}, {@code US-AZ} or {@code AZ}). {@code phone_number} compares digits only
 * and needs {@code phone_fields}, which limits the slots searched. The sandbox keeps no lead
 * sources, so {@code lead_source_name==x} matches no contact. Custom fields are not filterable
 * (the sandbox defines none).
 */
final class ContactListSpec {
  private ContactListSpec() {}

  private static final List<String> ADDRESS_PARTS =
      List.of("line1", "locality", "region", "postal_code", "country_code");

  private static final List<OrderField> ORDERS = List.of(
      OrderField.id(),
      OrderField.text("create_time", "create_time"),
      new OrderField("email", row -> ContactFields.firstEmail(row).toLowerCase(Locale.ROOT)),
      OrderField.text("update_time", "update_time"));

  /** The spec for one request: its {@code filter} decides which phone slots a number is sought in. */
  static ListSpec forFilter(String filterText) {
    ListSpec base = spec(ContactItems.PHONE_SLOTS);
    Filter f = Filter.parse(filterText, base.filters(), ContactValidation.DOMAIN);
    Clause slots = null;
    boolean number = false;
    for (Clause c : f.clauses()) {
      if (c.field().equals("phone_fields")) {
        slots = c;
      }
      number |= c.field().equals("phone_number");
    }
    if (number && slots == null) {
      throw ApiException.invalidField(
          ContactValidation.DOMAIN,
          "phone_fields",
          "Filtering on phone_number needs phone_fields, such as phone_fields==PHONE1,PHONE2");
    }
    return slots == null ? base : spec(slots.values());
  }

  private static ListSpec spec(List<String> phoneSlots) {
    List<FilterField> f = new ArrayList<>();
    f.add(FilterField.indexedText("email", true, ContactFields::emails));
    f.add(FilterField.text("given_name", true, text("given_name")));
    f.add(FilterField.text("family_name", true, text("family_name")));
    f.add(FilterField.text("middle_name", true, text("middle_name")));
    f.add(FilterField.exact(
        "company_id", row -> List.of(row.path("company").path("id").asText(""))));
    f.add(FilterField.exact("contact_ids", ContactListSpec::id));
    f.add(FilterField.exact("ids", ContactListSpec::id));
    f.add(FilterField.since("start_update_time", row -> row.path("update_time").asText(null)));
    f.add(FilterField.until("end_update_time", row -> row.path("update_time").asText(null)));
    f.add(FilterField.custom("phone_fields", Op.EQUALITY, false, (row, c) -> true)
        .checked(v -> ContactItems.PHONE_SLOTS.contains(v)));
    f.add(FilterField.custom(
        "phone_number", Op.EQUALITY, false, phoneMatcher(Set.copyOf(phoneSlots))));
    for (String kind : List.of("billing", "shipping", "other")) {
      for (String part : ADDRESS_PARTS) {
        f.add(FilterField.text(
            kind + "_address_" + part, false, address(kind.toUpperCase(Locale.ROOT), part)));
      }
    }
    f.add(FilterField.text(
        "city", true, row -> List.of(primaryAddress(row).path("locality").asText(""))));
    f.add(FilterField.text("state", true, ContactListSpec::states));
    f.add(FilterField.text("website", true, text("website")));
    f.add(FilterField.text("lead_source_name", true, row -> List.of()));
    f.add(FilterField.number("contact_id", Op.COMPARE, row -> row.path("id").asText(null)));
    return ListSpec.of(ContactValidation.DOMAIN, "contacts", f, ORDERS);
  }

  private static Function<ObjectNode, List<String>> text(String field) {
    return row -> List.of(row.path(field).asText(""));
  }

  private static List<String> id(ObjectNode row) {
    return List.of(row.path("id").asText());
  }

  private static Function<ObjectNode, List<String>> address(String slot, String part) {
    return row -> {
      List<String> out = new ArrayList<>();
      for (JsonNode a : row.path("addresses")) {
        if (slot.equals(a.path("field").asText())) {
          out.add(a.path(part).asText(""));
        }
      }
      return out;
    };
  }

  static JsonNode primaryAddress(ObjectNode row) {
    for (JsonNode a : row.path("addresses")) {
      if (a.path("field").asText().equals("BILLING")) {
        return a;
      }
    }
    return row.path("addresses").path(0);
  }

  private static List<String> states(ObjectNode row) {
    JsonNode a = primaryAddress(row);
    String code = a.path("region_code").asText("");
    return List.of(a.path("region").asText(""), code, code.substring(code.indexOf('-') + 1));
  }

  private static FilterField.Matcher phoneMatcher(Set<String> slots) {
    return (row, c) -> {
      String want = c.value().replaceAll("\\D", "");
      for (JsonNode p : row.path("phone_numbers")) {
        if (slots.contains(p.path("field").asText())
            && !want.isEmpty()
            && p.path("number").asText("").replaceAll("\\D", "").equals(want)) {
          return true;
        }
      }
      return false;
    };
  }
}
