package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates and normalises the array fields of a contact body: email addresses, phone and fax
 * numbers, addresses, social accounts and custom field values. Each item occupies a slot
 * ({@code EMAIL1}, {@code PHONE2}, {@code BILLING}...); an item without one takes the first free
 * slot, and two items in one slot, or more items than slots, answer 400.
 *
 * <p>Length limits are the ones the spec's descriptions state per slot (an EMAIL1 address up
 * to 75 characters, EMAIL2 and EMAIL3 up to 100, and so on).
 */
final class ContactItems {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern COUNTRY_CODE = Pattern.compile("^[A-Za-z]{3}$");
  static final List<String> EMAIL_SLOTS = List.of("EMAIL1", "EMAIL2", "EMAIL3");
  static final List<String> PHONE_SLOTS = List.of("PHONE1", "PHONE2", "PHONE3", "PHONE4", "PHONE5");
  static final List<String> FAX_SLOTS = List.of("FAX1", "FAX2");
  static final List<String> ADDRESS_SLOTS = List.of("BILLING", "SHIPPING", "OTHER");
  static final List<String> SOCIAL_TYPES =
      List.of("FACEBOOK", "LINKED_IN", "TWITTER", "INSTAGRAM", "SNAPCHAT", "YOUTUBE", "PINTEREST");

  private ContactItems() {}

  static ArrayNode emails(BodyReader body, String array) {
    ArrayNode out = Json.array();
    Slots slots = new Slots(body, array, EMAIL_SLOTS, "EMAIL_FIELD_UNSPECIFIED");
    for (int i = 0; i < body.array(array).size(); i++) {
      BodyReader item = body.item(array, i);
      String field = slots.take(item);
      String email =
          item.requiredString("email", field.equals("EMAIL1") ? 75 : 100).trim();
      if (!EMAIL.matcher(email).matches()) {
        throw item.invalid("email", "'" + email + "' is not a valid email address");
      }
      String reason = item.string("opt_in_reason");
      ObjectNode o = out.addObject().put("email", email).put("field", field);
      if (reason != null && !reason.isBlank()) {
        o.put("opt_in_reason", reason)
            .put("is_opt_in", true)
            .put("email_opt_status", "SINGLE_OPT_IN");
      } else {
        o.put("is_opt_in", false).put("email_opt_status", "UNENGAGED_MARKETABLE");
      }
    }
    return out;
  }

  static ArrayNode phones(BodyReader body, String array) {
    ArrayNode out = Json.array();
    Slots slots = new Slots(body, array, PHONE_SLOTS, "PHONE_NUMBER_FIELD_UNSPECIFIED");
    for (int i = 0; i < body.array(array).size(); i++) {
      BodyReader item = body.item(array, i);
      String field = slots.take(item);
      int max = PHONE_SLOTS.indexOf(field) < 3 ? 40 : 20;
      String number = item.requiredString("number", max);
      ObjectNode o = out.addObject().put("number", number);
      Json.putText(o, "extension", item.string("extension"));
      Json.putText(o, "type", item.string("type"));
      o.put("field", field);
      Json.putText(o, "number_e164", e164(number));
    }
    return out;
  }

  static ArrayNode faxes(BodyReader body, String array) {
    ArrayNode out = Json.array();
    Slots slots = new Slots(body, array, FAX_SLOTS, "FAX_NUMBER_FIELD_UNSPECIFIED");
    for (int i = 0; i < body.array(array).size(); i++) {
      BodyReader item = body.item(array, i);
      String field = slots.take(item);
      ObjectNode o = out.addObject().put("number", item.requiredString("number", 40));
      Json.putText(o, "type", item.string("type"));
      o.put("field", field);
    }
    return out;
  }

  static ArrayNode addresses(BodyReader body, String array) {
    ArrayNode out = Json.array();
    Slots slots = new Slots(body, array, ADDRESS_SLOTS, "ADDRESS_FIELD_UNSPECIFIED");
    for (int i = 0; i < body.array(array).size(); i++) {
      BodyReader item = body.item(array, i);
      String field = slots.take(item);
      boolean billing = field.equals("BILLING");
      boolean shipping = field.equals("SHIPPING");
      ObjectNode o = out.addObject();
      Json.putText(o, "line1", item.string("line1", billing ? 75 : 100));
      Json.putText(o, "line2", item.string("line2", billing ? 75 : 100));
      Json.putText(o, "locality", item.string("locality", billing ? 50 : 100));
      String region = item.string("region", 50);
      Json.putText(o, "region", region);
      Json.putText(o, "region_code", item.string("region_code"));
      String country = item.string("country_code");
      if (country != null && !COUNTRY_CODE.matcher(country).matches()) {
        throw item.invalid(
            "country_code",
            "'" + item.path("country_code") + "' must be an ISO 3166-1 alpha-3 code such as USA");
      }
      if (region != null && !region.isBlank() && (country == null || country.isBlank())) {
        throw item.invalid(
            "country_code", "'" + item.path("country_code") + "' is required when region is set");
      }
      Json.putText(o, "country_code", country == null ? null : country.toUpperCase(Locale.ROOT));
      Json.putText(o, "country", item.string("country", 100));
      Json.putText(o, "postal_code", item.string("postal_code", shipping ? 20 : 15));
      Json.putText(o, "zip_code", item.string("zip_code", shipping ? 20 : 15));
      Json.putText(o, "zip_four", item.string("zip_four", 10));
      o.put("field", field);
    }
    return out;
  }

  static ArrayNode socialAccounts(BodyReader body, String array) {
    ArrayNode out = Json.array();
    for (int i = 0; i < body.array(array).size(); i++) {
      BodyReader item = body.item(array, i);
      item.requiredString("type");
      String type = item.oneOf("type", SOCIAL_TYPES);
      ObjectNode o = out.addObject();
      Json.putText(o, "name", item.string("name", 255));
      o.put("type", type);
    }
    return out;
  }

  /** The sandbox defines no contact custom fields, so any value names one that does not exist. */
  static ArrayNode customFields(BodyReader body, String array) {
    for (int i = 0; i < body.array(array).size(); i++) {
      BodyReader item = body.item(array, i);
      String id = item.string("id");
      throw item.invalid("id", "There is no contact custom field with id '" + id + "'");
    }
    return Json.array();
  }

  /** E.164 for North American numbers (10 digits, or 11 starting with 1); else none. */
  static String e164(String number) {
    String digits = number.replaceAll("\\D", "");
    if (number.trim().startsWith("+") && digits.length() >= 8 && digits.length() <= 15) {
      return "+" + digits;
    }
    if (digits.length() == 10) {
      return "+1" + digits;
    }
    if (digits.length() == 11 && digits.startsWith("1")) {
      return "+" + digits;
    }
    return null;
  }
  /**
   * Hands out the fixed slots of one array field. Slots that items name explicitly are reserved
   * first, so an item without a slot never takes one that a later item asks for.
   */
  private static final class Slots {
    private final BodyReader body;
    private final String array;
    private final List<String> all;
    private final String unspecified;
    private final Set<String> taken = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();

    Slots(BodyReader body, String array, List<String> all, String unspecified) {
      this.body = body;
      this.array = array;
      this.all = all;
      this.unspecified = unspecified;
      for (JsonNode item : body.array(array)) {
        String f = item.path("field").asText(null);
        if (f != null && all.contains(f)) {
          reserved.add(f);
        }
      }
    }

    /** The slot of one item: the one its {@code field} names, else the first free one. */
    String take(BodyReader item) {
      String slot = item.string("field");
      if (slot == null || slot.equals(unspecified)) {
        slot = all.stream()
            .filter(s -> !taken.contains(s) && !reserved.contains(s))
            .findFirst()
            .orElse(null);
        if (slot == null) {
          throw body.invalid(
              array, "'" + body.path(array) + "' holds at most " + all.size() + " items");
        }
      } else {
        item.oneOf("field", all);
        if (taken.contains(slot)) {
          throw item.invalid(
              "field",
              "'" + item.path("field") + "': two items of '" + array + "' use the slot " + slot);
        }
      }
      taken.add(slot);
      return slot;
    }
  }
}
