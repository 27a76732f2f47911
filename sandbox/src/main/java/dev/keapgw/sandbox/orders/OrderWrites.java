package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.Wording;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;

/**
 * Changes to orders, each under the tenant's write lock so that an order, its items' id
 * pointers and its totals change together. Item ids are unique across the tenant's orders:
 * each item gets a row in {@code order_items} recording the order it belongs to.
 */
final class OrderWrites {
  private OrderWrites() {}

  /** Validates a {@code createOrder} body and stores the order; returns it as stored. */
  static ObjectNode create(Tenant tenant, ObjectNode body, String now, String sourceType) {
    return tenant.write(() -> {
      ObjectNode order = OrderRequest.parse(tenant, body, now, sourceType);
      recompute(order);
      Table orders = tenant.table(OrdersModule.TABLE);
      long id = orders.nextId();
      order.put("id", Long.toString(id));
      order.put("invoice_id", Long.toString(id));
      order
          .withArray("order_items")
          .forEach(item -> ((ObjectNode) item).put("id", itemId(tenant, id)));
      orders.put(id, order);
      return order;
    });
  }

  /** Adds one item to an existing order (404 when there is none); returns the new item. */
  static ObjectNode addItem(Tenant tenant, String orderId, KeapRequest request, String now) {
    return tenant.write(() -> {
      Table orders = tenant.table(OrdersModule.TABLE);
      ObjectNode order = orders
          .get(orderId)
          .orElseThrow(() -> ApiException.notFound(OrdersModule.DOMAIN, orderId));
      ObjectNode item = OrderItemRequest.parse(
          new BodyReader(request.jsonBody(), OrdersModule.DOMAIN, Wording.BARE), tenant);
      order.withArray("order_items").add(item);
      order.put("modification_time", now);
      recompute(order);
      long id = Long.parseLong(order.path("id").asText());
      item.put("id", itemId(tenant, id));
      orders.put(id, order);
      return item;
    });
  }

  /** Totals before anything is stored, so an order too large to total changes nothing. */
  private static void recompute(ObjectNode order) {
    try {
      OrderTotals.recompute(order);
    } catch (ArithmeticException overflow) {
      throw ApiException.invalidField(
          OrdersModule.DOMAIN,
          "quantity",
          "The order's total would exceed the largest amount Keap can hold; lower a quantity or price_per_unit");
    }
  }

  private static String itemId(Tenant tenant, long orderId) {
    ObjectNode pointer = Json.object().put("order_id", Long.toString(orderId));
    return Long.toString(tenant.table(OrdersModule.ITEMS_TABLE).insert(pointer));
  }
}
