package dev.keapgw.sandbox.affiliates;

import dev.keapgw.sandbox.commerce.SortKeys;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How affiliates are listed: the filter and order fields Keap documents for them. */
final class AffiliateViews {
  private AffiliateViews() {}

  static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");

  static final ListSpec LIST = ListSpec.of(
      AffiliatesModule.DOMAIN,
      "affiliates",
      List.of(
          FilterField.number("id", Op.ALL, row -> row.path("id").asText(null)),
          FilterField.text("name", true, row -> List.of(row.path("name").asText(""))),
          FilterField.exact("contact_id", row -> List.of(row.path("contact_id").asText())),
          // Referrals (contacts an affiliate brought in) are not emulated: none matches.
          FilterField.custom("referral_contact_id", Op.EQ_NE, false, (row, c) -> c.op() == Op.NE),
          FilterField.text("status", false, row -> List.of(row.path("status").asText("")))
              .checked(v -> STATUSES.contains(v.toUpperCase(Locale.ROOT))),
          FilterField.text("code", false, row -> List.of(row.path("code").asText("")))),
      List.of(
          OrderField.id(),
          SortKeys.time("date_created", "date_created"),
          OrderField.text("name", "name"),
          OrderField.text("status", "status"),
          OrderField.text("code", "code")));
}
