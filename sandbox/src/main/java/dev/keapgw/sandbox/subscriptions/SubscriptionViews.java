package dev.keapgw.sandbox.subscriptions;

import dev.keapgw.sandbox.commerce.SortKeys;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How subscriptions are listed. {@code status} is not a field of a subscription: it reads
 * {@code active} as ACTIVE or INACTIVE, in any letter case.
 */
final class SubscriptionViews {
  private SubscriptionViews() {}

  private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");

  static final ListSpec LIST = ListSpec.of(
      SubscriptionsModule.DOMAIN,
      "subscriptions",
      List.of(
          FilterField.exact("contact_id", row -> List.of(row.path("contact_id").asText())),
          FilterField.exact(
              "subscription_plan_id",
              row -> List.of(row.path("subscription_plan_id").asText())),
          FilterField.text(
                  "status",
                  false,
                  row -> List.of(row.path("active").asBoolean() ? "ACTIVE" : "INACTIVE"))
              .checked(v -> STATUSES.contains(v.toUpperCase(Locale.ROOT))),
          FilterField.number("id", Op.ALL, row -> row.path("id").asText(null)),
          FilterField.number(
              "billing_amount",
              Op.ALL,
              row ->
                  row.hasNonNull("billing_amount") ? row.get("billing_amount").asText() : null),
          FilterField.exact("ids", row -> List.of(row.path("id").asText())),
          FilterField.exact(
              "subscription_plan_ids",
              row -> List.of(row.path("subscription_plan_id").asText()))),
      List.of(
          OrderField.id(),
          SortKeys.id("contact_id", "contact_id"),
          SortKeys.id("subscription_plan_id", "subscription_plan_id"),
          SortKeys.time("modification_time", "modification_time")));
}
