package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.FieldSelection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a contact: their order in an answer, which ones are arrays, which ones a list
 * returns by default, and the two views (full and list item) built from a stored row.
 *
 * <p>Stored rows may leave out empty arrays (generated contacts do, to stay small); both views
 * put them back, so every answer has the same shape. {@code groups} is never stored: it is
 * the legacy comma-separated form of {@code tag_ids}, derived when a contact is shown.
 */
final class ContactFields {
  private ContactFields() {}

  /** Every field of a Contact, in the order answers list them. */
  static final List<String> ORDER = List.of(
      "id",
      "given_name",
      "middle_name",
      "family_name",
      "preferred_name",
      "prefix",
      "suffix",
      "email_addresses",
      "phone_numbers",
      "fax_numbers",
      "addresses",
      "social_accounts",
      "company",
      "job_title",
      "website",
      "contact_type",
      "owner_id",
      "leadsource_id",
      "source_type",
      "origin",
      "tag_ids",
      "groups",
      "custom_fields",
      "links",
      "utm_parameters",
      "score_value",
      "time_zone",
      "preferred_locale",
      "spouse_name",
      "birth_date",
      "anniversary_date",
      "referral_code",
      "assistant_name",
      "assistant_phone",
      "billing_information",
      "account_id",
      "created_by",
      "last_updated_by",
      "create_time",
      "update_time");

  /** Fields that are always present as arrays, empty when unset. */
  static final Set<String> ARRAYS = Set.of(
      "email_addresses",
      "phone_numbers",
      "fax_numbers",
      "addresses",
      "social_accounts",
      "tag_ids",
      "custom_fields",
      "links",
      "utm_parameters");

  /** Names the {@code fields} parameter takes (the spec's list, which also names {@code notes}). */
  static final Set<String> KNOWN = known();

  /** What a list item carries when {@code fields} is absent; see {@link ContactsModule}. */
  static final List<String> LIST_DEFAULTS = List.of(
      "given_name",
      "family_name",
      "middle_name",
      "email_addresses",
      "phone_numbers",
      "addresses",
      "company",
      "tag_ids",
      "create_time",
      "update_time");

  /**
   * {@code fields} on every contact operation: checked everywhere, but only a list item is
   * trimmed to the defaults plus what is named; the other operations answer the whole contact.
   */
  static final FieldSelection FIELDS = new FieldSelection(
      Set.copyOf(LIST_DEFAULTS),
      KNOWN,
      "contact",
      "known fields: " + String.join(", ", new TreeSet<>(KNOWN)));

  private static Set<String> known() {
    Set<String> known = new LinkedHashSet<>(ORDER);
    known.add("notes");
    return Set.copyOf(known);
  }

  /** The whole contact as GET by id answers it. */
  static ObjectNode full(ObjectNode row) {
    ObjectNode out = Json.object();
    for (String f : ORDER) {
      JsonNode v = row.get(f);
      if (f.equals("groups")) {
        out.put("groups", String.join(",", tagIds(row)));
      } else if (v != null && !v.isNull()) {
        out.set(f, v);
      } else if (ARRAYS.contains(f)) {
        out.putArray(f);
      }
    }
    return out;
  }

  /** Rebuilds a row in answer order, dropping nulls; the stored form of a written contact. */
  static ObjectNode canonical(ObjectNode row) {
    ObjectNode out = Json.object();
    for (String f : ORDER) {
      JsonNode v = row.get(f);
      if (v != null && !v.isNull() && !f.equals("groups")) {
        out.set(f, v);
      }
    }
    return out;
  }

  static List<String> tagIds(ObjectNode row) {
    List<String> out = new ArrayList<>();
    row.path("tag_ids").forEach(t -> out.add(t.asText()));
    return out;
  }

  static List<String> emails(ObjectNode row) {
    List<String> out = new ArrayList<>();
    row.path("email_addresses").forEach(e -> out.add(e.path("email").asText("")));
    return out;
  }

  static String firstEmail(ObjectNode row) {
    return row.path("email_addresses").path(0).path("email").asText("");
  }
}
