package dev.keapgw.sandbox.products;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.commerce.CurrencyValue;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.World;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Eight products a small business might sell: goods that ship, digital goods, services and
 * two subscription products whose plans (ids 1 to 3) seeded subscriptions refer to.
 */
final class ProductSeed {
  private ProductSeed() {}

  private record Sample(
      String name, String sku, long cents, String blurb, boolean shippable, String plans) {}

  // plans: "" for none, else "cycle:price" entries, comma-separated
  private static final Sample[] SAMPLES = {
    new Sample("Premium Widget", "WDG-001", 1250, "Our best-selling widget", true, ""),
    new Sample(
        "Widget Starter Bundle", "WDG-BND", 4999, "Three widgets and a carry case", true, ""),
    new Sample("Branded T-Shirt", "TSHIRT-01", 2000, "Soft cotton shirt with our logo", true, ""),
    new Sample("Email Marketing Course", "COURSE-EM", 19900, "Self-paced online course", false, ""),
    new Sample("Strategy Session", "COACH-60", 7500, "One hour of one-to-one coaching", false, ""),
    new Sample(
        "Consulting Hour", "CONSULT-HR", 15000, "Expert help, billed by the hour", false, ""),
    new Sample(
        "Monthly Membership",
        "MEMB-MON",
        2900,
        "Members-only content and calls",
        false,
        "MONTHLY:2900,YEARLY:29000"),
    new Sample(
        "Support Plan", "SUP-PLAN", 9900, "Priority support for your team", false, "MONTHLY:9900"),
  };

  static void seed(Table products, Random random, Instant now) {
    if (products.size() > 0) {
      return;
    }
    int planId = 0;
    for (Sample s : SAMPLES) {
      String created = World.timestamp(now.minus(30 + random.nextInt(300), ChronoUnit.DAYS)
          .minus(random.nextInt(86_400), ChronoUnit.SECONDS));
      ObjectNode body = Json.object()
          .put("name", s.name())
          .put("sku", s.sku())
          .put("price", s.cents())
          .put("short_description", s.blurb())
          .put("description", s.blurb() + ". Part of the sandbox's sample catalogue.")
          .put("shippable", s.shippable())
          .put("taxable", s.shippable())
          .put("state_taxable", s.shippable())
          .put("subscription_only", !s.plans().isEmpty())
          .put("needs_digital_delivery", s.sku().startsWith("COURSE"));
      if (s.shippable()) {
        body.put("weight", 0.25 + random.nextInt(12) * 0.25);
        body.putObject("inventory")
            .put("inventory_limit", 10)
            .put("inventory_count", 20 + random.nextInt(180))
            .put("out_of_stock_enabled", true);
      }
      ObjectNode row = ProductRequest.create(body, created);
      ArrayNode plans = row.putArray("subscription_plans");
      int index = 0;
      for (String plan : s.plans().isEmpty() ? new String[0] : s.plans().split(",")) {
        String[] p = plan.split(":");
        plans
            .addObject()
            .put("id", Integer.toString(++planId))
            .put("active", true)
            .put("prorate", false)
            .put("billing_cycle", p[0])
            .put("billing_frequency", 1)
            .put("number_of_cycles", 0)
            .<ObjectNode>set(
                "plan_price", CurrencyValue.usd(Long.parseLong(p[1])).toJson())
            .put("order_index", index++);
      }
      products.insert(row);
    }
  }
}
