package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.Wording;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Checks a {@code CreateUpdateContactRequest} body and turns it into a {@link ContactInput}.
 * Wrong JSON types, strings over the spec's {@code maxLength}, values outside an enum, bad
 * dates and references to users or companies that do not exist answer 400 naming the field.
 * Fields the request schema does not have (read-only ones such as {@code id} or
 * {@code tag_ids} included) are ignored, as Keap's JSON binding ignores them.
 */
final class ContactValidation {
  static final String DOMAIN = "contact";

  /** Plain string fields of the request and their maximum lengths. */
  static final Map<String, Integer> TEXT_FIELDS = textFields();

  static final List<String> SOURCE_TYPES = List.of(
      "SOURCE_TYPE_UNSPECIFIED",
      "API",
      "APPOINTMENT",
      "FORM_API_HOSTED",
      "FORM_API_INTERNAL",
      "IMPORT",
      "INTERNAL_FORM",
      "LANDING_PAGE",
      "MANUAL",
      "OTHER",
      "UNKNOWN",
      "WEBFORM");

  /** Every field a body can write; {@code update_mask} values outside it are read-only. */
  static final List<String> WRITABLE = writable();

  private static final int NO_LIMIT = Integer.MAX_VALUE;

  private static Map<String, Integer> textFields() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("given_name", 40);
    m.put("middle_name", 100);
    m.put("family_name", 40);
    m.put("preferred_name", 100);
    m.put("prefix", NO_LIMIT);
    m.put("suffix", NO_LIMIT);
    m.put("job_title", 255);
    m.put("website", 100);
    m.put("contact_type", NO_LIMIT);
    m.put("leadsource_id", NO_LIMIT);
    m.put("preferred_locale", NO_LIMIT);
    m.put("spouse_name", 100);
    m.put("referral_code", NO_LIMIT);
    m.put("assistant_name", 20);
    m.put("assistant_phone", 15);
    m.put("billing_information", 100);
    return m;
  }

  private static List<String> writable() {
    List<String> w = new ArrayList<>(TEXT_FIELDS.keySet());
    w.addAll(List.of(
        "email_addresses",
        "phone_numbers",
        "fax_numbers",
        "addresses",
        "social_accounts",
        "custom_fields",
        "company",
        "origin",
        "owner_id",
        "source_type",
        "time_zone",
        "birth_date",
        "anniversary_date",
        "utm_parameters"));
    return List.copyOf(w);
  }

  ContactInput parse(ObjectNode json, Tenant tenant) {
    BodyReader body = new BodyReader(json, DOMAIN, Wording.QUOTED_NAMING_VALUE);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    TEXT_FIELDS.forEach((f, max) -> {
      if (body.has(f)) {
        values.put(f, orNull(body.string(f, max)));
      }
    });
    array(body, "email_addresses", values, ContactItems::emails);
    array(body, "phone_numbers", values, ContactItems::phones);
    array(body, "fax_numbers", values, ContactItems::faxes);
    array(body, "addresses", values, ContactItems::addresses);
    array(body, "social_accounts", values, ContactItems::socialAccounts);
    array(body, "custom_fields", values, ContactItems::customFields);
    if (body.has("source_type")) {
      values.put("source_type", orNull(body.oneOf("source_type", SOURCE_TYPES)));
    }
    if (body.has("time_zone")) {
      values.put("time_zone", orNull(timeZone(body, body.string("time_zone"))));
    }
    for (String f : List.of("birth_date", "anniversary_date")) {
      if (body.has(f)) {
        values.put(f, orNull(body.date(f)));
      }
    }
    if (body.has("owner_id")) {
      values.put("owner_id", orNull(owner(body, body.string("owner_id"), tenant)));
    }
    if (body.has("company")) {
      values.put("company", company(body.object("company"), tenant));
    }
    if (body.has("origin")) {
      BodyReader o = body.object("origin");
      values.put(
          "origin",
          o == null ? NullNode.instance : Json.object().put("ip_address", o.string("ip_address")));
    }
    return new ContactInput(values, ContactUtm.parse(body));
  }

  /** An array field, each item checked and normalised by {@code read} (which is given the whole body). */
  private static void array(
      BodyReader body,
      String field,
      Map<String, JsonNode> values,
      BiFunction<BodyReader, String, ArrayNode> read) {
    if (body.has(field)) {
      values.put(field, body.array(field) == null ? Json.array() : read.apply(body, field));
    }
  }

  private static String timeZone(BodyReader body, String tz) {
    if (tz == null) {
      return null;
    }
    try {
      return ZoneId.of(tz).getId();
    } catch (DateTimeException e) {
      throw body.invalid(
          "time_zone",
          "'" + tz + "' is not a time zone; use an IANA name such as America/New_York");
    }
  }

  private static String owner(BodyReader body, String id, Tenant tenant) {
    if (id != null && !References.exists(tenant, "users", id)) {
      throw body.invalid("owner_id", "There is no user with id '" + id + "'");
    }
    return id;
  }

  private static JsonNode company(BodyReader c, Tenant tenant) {
    if (c == null) {
      return NullNode.instance;
    }
    String id = c.string("id");
    String name = c.string("company_name");
    ObjectNode out = Json.object();
    if (id != null) {
      Optional<Table> companies = References.table(tenant, "companies");
      if (companies.isPresent()) {
        ObjectNode row = companies
            .get()
            .get(id)
            .orElseThrow(() -> c.invalid("id", "There is no company with id '" + id + "'"));
        name = row.path("company_name").asText(name);
      }
      out.put("id", id);
    }
    if (name != null) {
      out.put("company_name", name);
    }
    return out.isEmpty() ? NullNode.instance : out;
  }

  private static JsonNode orNull(String s) {
    return s == null ? NullNode.instance : TextNode.valueOf(s);
  }
}
