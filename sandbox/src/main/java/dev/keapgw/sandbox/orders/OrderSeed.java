package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.affiliates.AffiliatesModule;
import dev.keapgw.sandbox.commerce.ContactRefs;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.products.ProductsModule;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Six sample orders of seeded products for contacts 1 to 10, built through the same
 * validation as {@code createOrder}: half of them paid, the first credited to the first
 * affiliate. Nothing is seeded when there are no products or no contacts to refer to.
 */
final class OrderSeed {
  private OrderSeed() {}

  private static final int ORDERS = 6;
  private static final String[][] PLACES = {
    {"Phoenix", "US-AZ", "85001", "USA"},
    {"Austin", "US-TX", "73301", "USA"},
    {"Denver", "US-CO", "80202", "USA"},
  };

  static void seed(Tenant tenant, Random random, Instant now) {
    if (tenant.table(OrdersModule.TABLE).size() > 0) {
      return;
    }
    List<String> contacts = ContactRefs.sampleIds(tenant, 10);
    List<ObjectNode> products =
        oneOffProducts(References.first(tenant, ProductsModule.TABLE, Integer.MAX_VALUE));
    if (contacts.isEmpty() || products.isEmpty()) {
      return;
    }
    String affiliate = References.firstIds(tenant, AffiliatesModule.TABLE, 1).stream()
        .findFirst()
        .orElse(null);
    for (int n = 0; n < ORDERS; n++) {
      Instant when = now.minus(1 + random.nextInt(90), ChronoUnit.DAYS)
          .minus(random.nextInt(36_000), ChronoUnit.SECONDS);
      String time = World.timestamp(when);
      ObjectNode body = Json.object()
          .put("contact_id", contacts.get(random.nextInt(contacts.size())))
          .put("order_title", "Order #" + (1001 + n))
          .put("order_time", time)
          .put("order_type", random.nextBoolean() ? "ONLINE" : "OFFLINE");
      if (n % 2 == 1) {
        body.put("sent_time", time);
      }
      if (n == 0 && affiliate != null) {
        body.put("lead_affiliate_id", affiliate).put("sales_affiliate_id", affiliate);
      }
      ArrayNode items = body.putArray("order_items");
      boolean ships = false;
      List<ObjectNode> picks = new ArrayList<>(products);
      Collections.shuffle(picks, random);
      for (ObjectNode product : picks.subList(0, Math.min(picks.size(), 1 + random.nextInt(3)))) {
        ships |= product.path("shippable").asBoolean();
        items
            .addObject()
            .put("product_id", product.path("id").asText())
            .put("quantity", 1 + random.nextInt(3));
      }
      if (ships) {
        items
            .addObject()
            .put("item_type", "SHIPPING")
            .put("name", "Standard shipping")
            .put("quantity", 1)
            .put("price_per_unit", 5.95);
        String[] place = PLACES[random.nextInt(PLACES.length)];
        body.putObject("shipping_address")
            .put("line1", (100 + random.nextInt(900)) + " Main St")
            .put("locality", place[0])
            .put("region", place[1])
            .put("zip_code", place[2])
            .put("country_code", place[3]);
      }
      ObjectNode order =
          OrderWrites.create(tenant, body, time, n % 3 == 0 ? "CHECKOUT_FORM" : "MANUAL_PAYMENT");
      if (n % 2 == 0) {
        OrderTotals.markPaid(order);
        tenant.table(OrdersModule.TABLE).put(Long.parseLong(order.path("id").asText()), order);
      }
    }
  }

  private static List<ObjectNode> oneOffProducts(List<ObjectNode> products) {
    return products.stream().filter(p -> p.path("subscription_plans").isEmpty()).toList();
  }
}
