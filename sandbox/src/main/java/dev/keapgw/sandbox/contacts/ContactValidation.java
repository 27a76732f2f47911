package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keapgw.sandbox.http.BodyCheck;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks a {@code CreateUpdateContactRequest} body and turns it into a {@link ContactInput}.
 * Wrong JSON types, strings over the spec's {@code maxLength}, values outside an enum, bad
 * dates and references to users or companies that do not exist answer 400 naming the field.
 * Fields the request schema does not have (read-only ones such as {@code id} or
 * {@code tag_ids} included) are ignored, as Keap's JSON binding ignores them.
 */
final class ContactValidation {
  static final String DOMAIN = "contact";

  /** Plain string fields of the request and their maximum lengths (0: none declared). */
  static final Map<String, Integer> TEXT_FIELDS = textFields();

  static final List<String> SOURCE_TYPES = List.of(
      "SOURCE_TYPE_UNSPECIFIED", "API", "APPOINTMENT", "FORM_API_HOSTED", "FORM_API_INTERNAL", "IMPORT",
      "INTERNAL_FORM", "LANDING_PAGE", "MANUAL", "OTHER", "UNKNOWN", "WEBFORM");

  /** Every field a body can write; {@code update_mask} values outside it are read-only. */
  static final List<String> WRITABLE = writable();

  private final BodyCheck check = new BodyCheck(DOMAIN);
  private final ContactItems items = new ContactItems(check);

  private static Map<String, Integer> textFields() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("given_name", 40);
    m.put("middle_name", 100);
    m.put("family_name", 40);
    m.put("preferred_name", 100);
    m.put("prefix", 0);
    m.put("suffix", 0);
    m.put("job_title", 255);
    m.put("website", 100);
    m.put("contact_type", 0);
    m.put("leadsource_id", 0);
    m.put("preferred_locale", 0);
    m.put("spouse_name", 100);
    m.put("referral_code", 0);
    m.put("assistant_name", 20);
    m.put("assistant_phone", 15);
    m.put("billing_information", 100);
    return m;
  }

  private static List<String> writable() {
    List<String> w = new ArrayList<>(TEXT_FIELDS.keySet());
    w.addAll(List.of("email_addresses", "phone_numbers", "fax_numbers", "addresses", "social_accounts",
        "custom_fields", "company", "origin", "owner_id", "source_type", "time_zone", "birth_date",
        "anniversary_date", "utm_parameters"));
    return List.copyOf(w);
  }

  ContactInput parse(ObjectNode body, Tenant tenant) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    TEXT_FIELDS.forEach((f, max) -> {
      if (body.has(f)) {
        values.put(f, orNull(check.text(body, f, max)));
      }
    });
    array(body, "email_addresses", values, items::emails);
    array(body, "phone_numbers", values, items::phones);
    array(body, "fax_numbers", values, items::faxes);
    array(body, "addresses", values, items::addresses);
    array(body, "social_accounts", values, items::socialAccounts);
    array(body, "custom_fields", values, items::customFields);
    if (body.has("source_type")) {
      values.put("source_type", orNull(check.oneOf(check.text(body, "source_type", 0), "source_type", SOURCE_TYPES)));
    }
    if (body.has("time_zone")) {
      values.put("time_zone", orNull(timeZone(check.text(body, "time_zone", 0))));
    }
    for (String f : List.of("birth_date", "anniversary_date")) {
      if (body.has(f)) {
        values.put(f, orNull(date(check.text(body, f, 0), f)));
      }
    }
    if (body.has("owner_id")) {
      values.put("owner_id", orNull(owner(check.text(body, "owner_id", 0), tenant)));
    }
    if (body.has("company")) {
      values.put("company", company(check.object(body, "company", "company"), tenant));
    }
    if (body.has("origin")) {
      ObjectNode o = check.object(body, "origin", "origin");
      values.put("origin", o == null ? NullNode.instance
          : Json.object().put("ip_address", check.text(o, "ip_address", "origin.ip_address", 0)));
    }
    return new ContactInput(values, ContactUtm.parse(check, body));
  }

  private void array(ObjectNode body, String field, Map<String, JsonNode> values,
      UnaryOperator<ArrayNode> normalise) {
    if (body.has(field)) {
      ArrayNode a = check.array(body, field, field);
      values.put(field, a == null ? Json.array() : normalise.apply(a));
    }
  }

  private String timeZone(String tz) {
    if (tz == null) {
      return null;
    }
    try {
      return ZoneId.of(tz).getId();
    } catch (DateTimeException e) {
      throw check.invalid("time_zone", "'" + tz + "' is not a time zone; use an IANA name such as America/New_York");
    }
  }

  private String date(String d, String field) {
    if (d == null) {
      return null;
    }
    try {
      return LocalDate.parse(d).toString();
    } catch (DateTimeException e) {
      throw check.invalid(field, "'" + field + "' must be a date written yyyy-MM-dd, not '" + d + "'");
    }
  }

  private String owner(String id, Tenant tenant) {
    if (id != null && !tenant.table("users").contains(id)) {
      throw check.invalid("owner_id", "There is no user with id '" + id + "'");
    }
    return id;
  }

  private JsonNode company(ObjectNode c, Tenant tenant) {
    if (c == null) {
      return NullNode.instance;
    }
    String id = check.text(c, "id", "company.id", 0);
    String name = check.text(c, "company_name", "company.company_name", 0);
    ObjectNode out = Json.object();
    if (id != null) {
      Optional<Table> companies = companies(tenant);
      if (companies.isPresent()) {
        ObjectNode row = companies.get().get(id)
            .orElseThrow(() -> check.invalid("company.id", "There is no company with id '" + id + "'"));
        name = row.path("company_name").asText(name);
      }
      out.put("id", id);
    }
    if (name != null) {
      out.put("company_name", name);
    }
    return out.isEmpty() ? NullNode.instance : out;
  }

  /** The companies table, when a companies module declares one in this build. */
  private static Optional<Table> companies(Tenant tenant) {
    try {
      return Optional.of(tenant.table("companies"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static JsonNode orNull(String s) {
    return s == null ? NullNode.instance : TextNode.valueOf(s);
  }
}
