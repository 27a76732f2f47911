package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.BodyCheck;
import dev.keapgw.sandbox.http.Json;
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
  static final List<String> SOCIAL_TYPES = List.of(
      "FACEBOOK", "LINKED_IN", "TWITTER", "INSTAGRAM", "SNAPCHAT", "YOUTUBE", "PINTEREST");

  private final BodyCheck check;

  ContactItems(BodyCheck check) {
    this.check = check;
  }

  ArrayNode emails(ArrayNode in) {
    ArrayNode out = Json.array();
    Slots slots = new Slots("email_addresses", EMAIL_SLOTS, "EMAIL_FIELD_UNSPECIFIED", in);
    for (int i = 0; i < in.size(); i++) {
      String p = "email_addresses[" + i + "]";
      ObjectNode item = check.asObject(in.get(i), p);
      String field = slots.take(check.text(item, "field", p + ".field", 0), p + ".field");
      String email = check.requiredText(item, "email", p + ".email", field.equals("EMAIL1") ? 75 : 100).trim();
      if (!EMAIL.matcher(email).matches()) {
        throw check.invalid(p + ".email", "'" + email + "' is not a valid email address");
      }
      String reason = check.text(item, "opt_in_reason", p + ".opt_in_reason", 0);
      ObjectNode o = out.addObject().put("email", email).put("field", field);
      if (reason != null && !reason.isBlank()) {
        o.put("opt_in_reason", reason).put("is_opt_in", true).put("email_opt_status", "SINGLE_OPT_IN");
      } else {
        o.put("is_opt_in", false).put("email_opt_status", "UNENGAGED_MARKETABLE");
      }
    }
    return out;
  }

  ArrayNode phones(ArrayNode in) {
    ArrayNode out = Json.array();
    Slots slots = new Slots("phone_numbers", PHONE_SLOTS, "PHONE_NUMBER_FIELD_UNSPECIFIED", in);
    for (int i = 0; i < in.size(); i++) {
      String p = "phone_numbers[" + i + "]";
      ObjectNode item = check.asObject(in.get(i), p);
      String field = slots.take(check.text(item, "field", p + ".field", 0), p + ".field");
      int max = PHONE_SLOTS.indexOf(field) < 3 ? 40 : 20;
      String number = check.requiredText(item, "number", p + ".number", max);
      ObjectNode o = out.addObject().put("number", number);
      putIfSet(o, "extension", check.text(item, "extension", p + ".extension", 0));
      putIfSet(o, "type", check.text(item, "type", p + ".type", 0));
      o.put("field", field);
      putIfSet(o, "number_e164", e164(number));
    }
    return out;
  }

  ArrayNode faxes(ArrayNode in) {
    ArrayNode out = Json.array();
    Slots slots = new Slots("fax_numbers", FAX_SLOTS, "FAX_NUMBER_FIELD_UNSPECIFIED", in);
    for (int i = 0; i < in.size(); i++) {
      String p = "fax_numbers[" + i + "]";
      ObjectNode item = check.asObject(in.get(i), p);
      String field = slots.take(check.text(item, "field", p + ".field", 0), p + ".field");
      ObjectNode o = out.addObject().put("number", check.requiredText(item, "number", p + ".number", 40));
      putIfSet(o, "type", check.text(item, "type", p + ".type", 0));
      o.put("field", field);
    }
    return out;
  }

  ArrayNode addresses(ArrayNode in) {
    ArrayNode out = Json.array();
    Slots slots = new Slots("addresses", ADDRESS_SLOTS, "ADDRESS_FIELD_UNSPECIFIED", in);
    for (int i = 0; i < in.size(); i++) {
      String p = "addresses[" + i + "]";
      ObjectNode item = check.asObject(in.get(i), p);
      String field = slots.take(check.text(item, "field", p + ".field", 0), p + ".field");
      boolean billing = field.equals("BILLING");
      boolean shipping = field.equals("SHIPPING");
      ObjectNode o = out.addObject();
      putIfSet(o, "line1", check.text(item, "line1", p + ".line1", billing ? 75 : 100));
      putIfSet(o, "line2", check.text(item, "line2", p + ".line2", billing ? 75 : 100));
      putIfSet(o, "locality", check.text(item, "locality", p + ".locality", billing ? 50 : 100));
      String region = check.text(item, "region", p + ".region", 50);
      putIfSet(o, "region", region);
      putIfSet(o, "region_code", check.text(item, "region_code", p + ".region_code", 0));
      String country = check.text(item, "country_code", p + ".country_code", 0);
      if (country != null && !COUNTRY_CODE.matcher(country).matches()) {
        throw check.invalid(p + ".country_code", "'" + p + ".country_code' must be an ISO 3166-1 alpha-3 code such as USA");
      }
      if (region != null && !region.isBlank() && (country == null || country.isBlank())) {
        throw check.invalid(p + ".country_code", "'" + p + ".country_code' is required when region is set");
      }
      putIfSet(o, "country_code", country == null ? null : country.toUpperCase(Locale.ROOT));
      putIfSet(o, "country", check.text(item, "country", p + ".country", 100));
      putIfSet(o, "postal_code", check.text(item, "postal_code", p + ".postal_code", shipping ? 20 : 15));
      putIfSet(o, "zip_code", check.text(item, "zip_code", p + ".zip_code", shipping ? 20 : 15));
      putIfSet(o, "zip_four", check.text(item, "zip_four", p + ".zip_four", 10));
      o.put("field", field);
    }
    return out;
  }

  ArrayNode socialAccounts(ArrayNode in) {
    ArrayNode out = Json.array();
    for (int i = 0; i < in.size(); i++) {
      String p = "social_accounts[" + i + "]";
      ObjectNode item = check.asObject(in.get(i), p);
      String type = check.oneOf(check.requiredText(item, "type", p + ".type", 0), p + ".type", SOCIAL_TYPES);
      ObjectNode o = out.addObject();
      putIfSet(o, "name", check.text(item, "name", p + ".name", 255));
      o.put("type", type);
    }
    return out;
  }

  /** The sandbox defines no contact custom fields, so any value names one that does not exist. */
  ArrayNode customFields(ArrayNode in) {
    for (int i = 0; i < in.size(); i++) {
      String p = "custom_fields[" + i + "]";
      ObjectNode item = check.asObject(in.get(i), p);
      String id = check.text(item, "id", p + ".id", 0);
      throw check.invalid(p + ".id", "There is no contact custom field with id '" + id + "'");
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

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  /**
   * Hands out the fixed slots of one array field. Slots that items name explicitly are reserved
   * first, so an item without a slot never takes one that a later item asks for.
   */
  private final class Slots {
    private final String array;
    private final List<String> all;
    private final String unspecified;
    private final Set<String> taken = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();

    Slots(String array, List<String> all, String unspecified, ArrayNode items) {
      this.array = array;
      this.all = all;
      this.unspecified = unspecified;
      for (JsonNode item : items) {
        String f = item.path("field").asText(null);
        if (f != null && all.contains(f)) {
          reserved.add(f);
        }
      }
    }

    String take(String requested, String path) {
      String slot = requested;
      if (slot == null || slot.equals(unspecified)) {
        slot = all.stream().filter(s -> !taken.contains(s) && !reserved.contains(s)).findFirst().orElse(null);
        if (slot == null) {
          throw check.invalid(array, "'" + array + "' holds at most " + all.size() + " items");
        }
      } else {
        check.oneOf(slot, path, all);
        if (taken.contains(slot)) {
          throw check.invalid(path, "'" + path + "': two items of '" + array + "' use the slot " + slot);
        }
      }
      taken.add(slot);
      return slot;
    }
  }
}
