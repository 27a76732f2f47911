package dev.keapgw.sandbox.companies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;
import java.util.Map;
import java.util.Set;

/**
 * A company's single address, email address, phone and fax, checked against the limits the
 * spec's shared schemas state (lengths depend on the slot, e.g. a BILLING line is 75
 * characters, a SHIPPING one 100). A company has one of each, so a missing slot is taken as
 * the first (BILLING, EMAIL1, PHONE1, FAX1) and written back that way.
 */
final class ContactPoints {
  private ContactPoints() {}

  private static final Set<String> ADDRESS_FIELDS =
      Set.of("ADDRESS_FIELD_UNSPECIFIED", "BILLING", "SHIPPING", "OTHER");
  private static final Set<String> EMAIL_FIELDS =
      Set.of("EMAIL_FIELD_UNSPECIFIED", "EMAIL1", "EMAIL2", "EMAIL3");
  private static final Set<String> PHONE_FIELDS =
      Set.of("PHONE_NUMBER_FIELD_UNSPECIFIED", "PHONE1", "PHONE2", "PHONE3", "PHONE4", "PHONE5");
  private static final Set<String> FAX_FIELDS =
      Set.of("FAX_NUMBER_FIELD_UNSPECIFIED", "FAX1", "FAX2");

  static ObjectNode address(BodyReader a) {
    a.allowOnly(
        Set.of(
            "country",
            "line1",
            "line2",
            "locality",
            "region",
            "field",
            "country_code",
            "postal_code",
            "region_code",
            "zip_code",
            "zip_four"),
        Set.of(),
        Map.of());
    String field =
        orDefault(a.oneOf("field", ADDRESS_FIELDS), "ADDRESS_FIELD_UNSPECIFIED", "BILLING");
    boolean billing = field.equals("BILLING");
    boolean shipping = field.equals("SHIPPING");
    ObjectNode out = Json.object();
    Json.putText(out, "line1", a.string("line1", billing ? 75 : 100));
    Json.putText(out, "line2", a.string("line2", billing ? 75 : 100));
    Json.putText(out, "locality", a.string("locality", billing ? 50 : 100));
    Json.putText(out, "region", a.string("region", 50));
    String regionCode = a.string("region_code", 10);
    Json.putText(out, "region_code", regionCode);
    String countryCode = a.string("country_code");
    if (countryCode != null && !countryCode.matches("[A-Z]{3}")) {
      throw a.invalid(
          "country_code",
          "'" + a.path("country_code") + "' must be an ISO 3166-1 alpha-3 code such as USA");
    }
    if (countryCode == null && (out.has("region") || regionCode != null)) {
      throw a.invalid(
          "country_code", "'" + a.path("country_code") + "' is required when a region is given");
    }
    Json.putText(out, "country_code", countryCode);
    Json.putText(out, "country", a.string("country", 100));
    Json.putText(out, "postal_code", a.string("postal_code", shipping ? 20 : 15));
    Json.putText(out, "zip_code", a.string("zip_code", shipping ? 20 : 15));
    Json.putText(out, "zip_four", a.string("zip_four", 10));
    out.put("field", field);
    return out;
  }

  static ObjectNode email(BodyReader e) {
    e.allowOnly(
        Set.of("email", "field", "opt_in_reason"),
        Set.of("is_opt_in", "email_opt_status"),
        Map.of());
    String field = orDefault(e.oneOf("field", EMAIL_FIELDS), "EMAIL_FIELD_UNSPECIFIED", "EMAIL1");
    String email = e.string("email", field.equals("EMAIL1") ? 75 : 100);
    if (email == null) {
      throw e.invalid("email", "'" + e.path("email") + "' is required");
    }
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw e.invalid("email", "'" + e.path("email") + "' is not a valid email address");
    }
    String reason = e.string("opt_in_reason");
    ObjectNode out = Json.object();
    out.put("email", email);
    out.put("field", field);
    out.put("is_opt_in", reason != null);
    out.put("email_opt_status", reason != null ? "SINGLE_OPT_IN" : "UNENGAGED_MARKETABLE");
    return out;
  }

  static ObjectNode phone(BodyReader p) {
    p.allowOnly(Set.of("number", "extension", "type", "field"), Set.of("number_e164"), Map.of());
    String field =
        orDefault(p.oneOf("field", PHONE_FIELDS), "PHONE_NUMBER_FIELD_UNSPECIFIED", "PHONE1");
    boolean shortSlot = field.equals("PHONE4") || field.equals("PHONE5");
    String number = p.string("number", shortSlot ? 20 : 40);
    if (number == null || number.isBlank()) {
      throw p.invalid("number", "'" + p.path("number") + "' is required");
    }
    ObjectNode out = Json.object();
    out.put("number", number);
    Json.putText(out, "extension", p.string("extension"));
    Json.putText(out, "type", p.string("type"));
    out.put("field", field);
    Json.putText(out, "number_e164", e164(number));
    return out;
  }

  static ObjectNode fax(BodyReader f) {
    f.allowOnly(Set.of("number", "type", "field"), Set.of(), Map.of());
    String field = orDefault(f.oneOf("field", FAX_FIELDS), "FAX_NUMBER_FIELD_UNSPECIFIED", "FAX1");
    String number = f.string("number", 40);
    if (number == null || number.isBlank()) {
      throw f.invalid("number", "'" + f.path("number") + "' is required");
    }
    ObjectNode out = Json.object();
    out.put("number", number);
    Json.putText(out, "type", f.string("type"));
    out.put("field", field);
    return out;
  }

  /** North American numbers only: anything else has no E.164 form the sandbox can be sure of. */
  static String e164(String number) {
    String digits = number.replaceAll("\\D", "");
    if (digits.length() == 10) {
      return "+1" + digits;
    }
    if (digits.length() == 11 && digits.startsWith("1")) {
      return "+" + digits;
    }
    return null;
  }

  private static String orDefault(String given, String unspecified, String dflt) {
    return given == null || given.equals(unspecified) ? dflt : given;
  }
}
