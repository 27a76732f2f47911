package dev.keapgw.sandbox.companies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.RowPatch;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a create or PATCH body onto a company row. Every field is optional; a field sent as
 * null is cleared. Fields the response schema has but requests may not set (ids, times,
 * {@code groups}) are ignored; any other unknown field answers 400 naming it.
 */
final class CompanyInput {
  private CompanyInput() {}

  static final Set<String> TEXT = Set.of(
      "notes",
      "website",
      "suffix",
      "title",
      "company_name",
      "assistant_name",
      "assistant_phone",
      "billing_information",
      "contact_type",
      "first_name",
      "job_title",
      "last_name",
      "middle_name",
      "preferred_name",
      "referral_code",
      "spouse_name");
  static final Set<String> DATES = Set.of("anniversary_date", "birth_date");
  static final Map<String, Function<BodyReader, ObjectNode>> POINTS = Map.of(
      "address", ContactPoints::address,
      "email_address", ContactPoints::email,
      "phone_number", ContactPoints::phone,
      "fax_number", ContactPoints::fax);
  static final Set<String> READ_ONLY = Set.of(
      "id", "groups", "update_time", "create_time", "account_id", "created_by", "last_updated_by");
  static final Set<String> WRITABLE = writable();
  /** The spec's update_mask enum for updateCompany. */
  static final Set<String> MASKABLE = union(WRITABLE, READ_ONLY);

  static void apply(ObjectNode row, BodyReader body, Tenant tenant) {
    for (String f : TEXT) {
      RowPatch.set(row, body, f, body.string(f));
    }
    for (String f : DATES) {
      RowPatch.set(row, body, f, body.date(f));
    }
    String owner = body.id("owner_id");
    if (owner != null && !References.exists(tenant, "users", owner)) {
      throw body.invalid("owner_id", "owner_id " + owner + " is not a user of this account");
    }
    RowPatch.set(row, body, "owner_id", owner);
    POINTS.forEach((f, read) -> {
      BodyReader nested = body.object(f);
      if (nested != null) {
        row.set(f, read.apply(nested));
      } else if (body.isNull(f)) {
        row.remove(f);
      }
    });
    RowPatch.customFields(row, body);
  }

  private static Set<String> writable() {
    Set<String> s = new HashSet<>(TEXT);
    s.addAll(DATES);
    s.addAll(POINTS.keySet());
    s.add("owner_id");
    s.add("custom_fields");
    return Set.copyOf(s);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
