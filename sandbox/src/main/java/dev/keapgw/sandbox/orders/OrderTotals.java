package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.commerce.CurrencyValue;

/**
 * An order's money is derived, never sent: {@code total} is the sum of its items' quantity
 * times price per unit, {@code total_due} is what of the total is not yet paid, and the
 * status follows. The sandbox takes no payments, so {@code total_paid} changes only through
 * seeding.
 */
final class OrderTotals {
  private OrderTotals() {}

  /** Recomputes {@code total}, {@code total_due} and {@code status} in place. */
  static void recompute(ObjectNode order) {
    long total = 0;
    for (JsonNode item : order.path("order_items")) {
      total = Math.addExact(total, OrderItemRequest.lineTotal(item));
    }
    long paid = CurrencyValue.amountOf(order.get("total_paid"));
    order.set("total", CurrencyValue.usd(total).toJson());
    order.set("total_due", CurrencyValue.usd(Math.max(0, total - paid)).toJson());
    order.put("status", status(order, total, paid));
  }

  /** Records a payment of the whole total (for sample data) and recomputes. */
  static void markPaid(ObjectNode order) {
    recompute(order);
    order.set("total_paid", order.get("total").deepCopy());
    recompute(order);
  }

  private static String status(ObjectNode order, long total, long paid) {
    if (total > 0 && paid >= total) {
      return "PAID";
    }
    return order.hasNonNull("sent_time") ? "SENT" : "DRAFT";
  }
}
