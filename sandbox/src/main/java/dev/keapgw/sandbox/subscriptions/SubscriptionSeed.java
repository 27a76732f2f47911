package dev.keapgw.sandbox.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.affiliates.AffiliatesModule;
import dev.keapgw.sandbox.commerce.ContactRefs;
import dev.keapgw.sandbox.commerce.CurrencyValue;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.products.ProductsModule;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Four subscriptions to the seeded subscription plans, one of them stopped. Billing dates
 * follow the plan's cycle from a start date in the past, so {@code next_bill_date} is after
 * today and {@code last_bill_date} one cycle before it.
 */
final class SubscriptionSeed {
  private SubscriptionSeed() {}

  private static final int SUBSCRIPTIONS = 4;

  private record Plan(String productId, JsonNode plan) {}

  static void seed(Tenant tenant, Random random, Instant now) {
    Table subscriptions = tenant.table(SubscriptionsModule.TABLE);
    List<String> contacts = ContactRefs.sampleIds(tenant, 10);
    List<Plan> plans = plans(References.first(tenant, ProductsModule.TABLE, Integer.MAX_VALUE));
    if (subscriptions.size() > 0 || contacts.isEmpty() || plans.isEmpty()) {
      return;
    }
    String affiliate = References.firstIds(tenant, AffiliatesModule.TABLE, 1).stream()
        .findFirst()
        .orElse(null);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int n = 0; n < SUBSCRIPTIONS; n++) {
      Plan p = plans.get(n % plans.size());
      String cycle = cycle(p.plan().path("billing_cycle").asText());
      ChronoUnit unit = unit(cycle);
      LocalDate start = today
          .minus(1 + random.nextInt(unit == ChronoUnit.YEARS ? 2 : 14), unit)
          .minusDays(random.nextInt(20));
      LocalDate next = start;
      while (!next.isAfter(today)) {
        next = next.plus(1, unit);
      }
      boolean active = n != SUBSCRIPTIONS - 1;
      ObjectNode s = Json.object();
      s.put("id", "");
      s.put("quantity", 1);
      s.put("active", active);
      s.put("contact_id", contacts.get(random.nextInt(contacts.size())));
      s.put("product_id", p.productId());
      s.put("subscription_plan_id", p.plan().path("id").asText());
      s.put(
          "billing_amount",
          CurrencyValue.usd(CurrencyValue.amountOf(p.plan().get("plan_price"))).major());
      s.put("auto_charge", true);
      s.put("billing_frequency", p.plan().path("billing_frequency").asInt(1));
      s.put("billing_cycle", cycle);
      s.put("start_date", start.toString());
      s.put("last_bill_date", next.minus(1, unit).toString());
      if (active) {
        s.put("next_bill_date", next.toString());
      } else {
        s.put("end_date", next.minus(1, unit).toString());
      }
      s.put("allow_tax", false);
      s.put("max_charge_attempts", 3);
      s.put("days_between_retries", 2);
      if (affiliate != null && n == 0) {
        s.put("lead_affiliate_id", affiliate);
        s.put("sale_affiliate_id", affiliate);
      }
      if (!active) {
        s.put("reason_stopped", "Customer requested cancellation");
      }
      s.put("modification_time", World.timestamp(now.minus(random.nextInt(20), ChronoUnit.DAYS)));
      s.putArray("custom_fields");
      subscriptions.insert(s);
    }
  }

  private static List<Plan> plans(List<ObjectNode> products) {
    List<Plan> out = new ArrayList<>();
    products.forEach(product -> product
        .path("subscription_plans")
        .forEach(plan -> out.add(new Plan(product.path("id").asText(), plan))));
    return out;
  }

  /** A product plan's cycle (MONTHLY) as a subscription names it (MONTH). */
  private static String cycle(String planCycle) {
    return switch (planCycle) {
      case "DAILY" -> "DAY";
      case "WEEKLY" -> "WEEK";
      case "YEARLY" -> "YEAR";
      default -> "MONTH";
    };
  }

  private static ChronoUnit unit(String cycle) {
    return switch (cycle) {
      case "DAY" -> ChronoUnit.DAYS;
      case "WEEK" -> ChronoUnit.WEEKS;
      case "YEAR" -> ChronoUnit.YEARS;
      default -> ChronoUnit.MONTHS;
    };
  }
}
