package dev.keapgw.sandbox.companies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.FieldSelection;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How companies are answered: the spec's property order, the fields left out unless
 * {@code fields} names them, and the filter and order fields of the list.
 */
final class CompanyViews {
  private CompanyViews() {}

  /** Every property of the spec's Company schema, in its order. */
  static final List<String> ORDER = List.of(
      "id",
      "address",
      "notes",
      "website",
      "suffix",
      "title",
      "groups",
      "company_name",
      "custom_fields",
      "email_address",
      "fax_number",
      "phone_number",
      "update_time",
      "create_time",
      "anniversary_date",
      "assistant_name",
      "assistant_phone",
      "billing_information",
      "birth_date",
      "contact_type",
      "first_name",
      "job_title",
      "last_name",
      "middle_name",
      "preferred_name",
      "owner_id",
      "referral_code",
      "spouse_name",
      "account_id",
      "created_by",
      "last_updated_by");

  /** Left out of GET and list answers unless asked for, as the spec says. */
  static final Set<String> OPTIONAL = Set.of(
      "notes",
      "fax_number",
      "address",
      "email_address",
      "phone_number",
      "update_time",
      "create_time",
      "custom_fields");

  static final FieldSelection FIELDS = FieldSelection.optional(defaults(), OPTIONAL, "company");

  static final ListSpec LIST = ListSpec.of(
      "company",
      "companies",
      List.of(
          equalityOnly(
              FilterField.text("company_name", false, row -> List.of(text(row, "company_name")))),
          FilterField.text("name", true, row -> List.of(text(row, "company_name"))),
          FilterField.indexedText("email", false, CompanyViews::emails),
          FilterField.text(
              "city", true, row -> List.of(row.path("address").path("locality").asText(""))),
          FilterField.text("state", true, CompanyViews::states),
          FilterField.since("since_time", row -> Json.text(row, "update_time")),
          FilterField.until("until_time", row -> Json.text(row, "update_time")),
          FilterField.number("company_id", Op.COMPARE, row -> Json.text(row, "id"))),
      List.of(
          OrderField.id(),
          OrderField.text("create_time", "create_time"),
          OrderField.text("name", "company_name"),
          new OrderField(
              "email", row -> emails(row).isEmpty() ? "" : emails(row).get(0).toLowerCase())));

  /** A copy of the row with its properties in the spec's order. */
  static ObjectNode canonical(ObjectNode row) {
    return Json.inOrder(row, ORDER);
  }

  static List<String> emails(ObjectNode row) {
    JsonNode e = row.path("email_address").path("email");
    return e.isTextual() ? List.of(e.asText()) : List.of();
  }

  /** A region matches by name, by ISO code ({@code US-AZ}) or by the code's last part ({@code AZ}). */
  private static List<String> states(ObjectNode row) {
    JsonNode a = row.path("address");
    List<String> out = new ArrayList<>();
    out.add(a.path("region").asText(""));
    String code = a.path("region_code").asText("");
    out.add(code);
    out.add(code.contains("-") ? code.substring(code.indexOf('-') + 1) : "");
    return out;
  }

  private static String text(ObjectNode row, String f) {
    return row.path(f).asText("");
  }

  private static FilterField equalityOnly(FilterField f) {
    return new FilterField(f.name(), Op.EQUALITY, f.wildcard(), f.matcher(), f.index(), f.check());
  }

  private static Set<String> defaults() {
    Set<String> s = new HashSet<>(ORDER);
    s.removeAll(OPTIONAL);
    return s;
  }
}
