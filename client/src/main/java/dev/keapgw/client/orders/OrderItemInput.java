package dev.keapgw.client.orders;

import dev.keapgw.client.common.Body;

/**
 * The body of an order line: {@code quantity} is required, and {@code productId} for a PRODUCT or
 * SUBSCRIPTION line. Prices here are in major units (29.99), unlike a product's price.
 */
public final class OrderItemInput extends Body<OrderItemInput> {
  public OrderItemInput productId(String value) {
    return set("product_id", value);
  }

  public OrderItemInput quantity(Integer value) {
    return set("quantity", value);
  }

  public OrderItemInput itemType(String value) {
    return set("item_type", value);
  }

  public OrderItemInput pricePerUnit(Double value) {
    return set("price_per_unit", value);
  }

  public OrderItemInput costPerUnit(Double value) {
    return set("cost_per_unit", value);
  }

  public OrderItemInput name(String value) {
    return set("name", value);
  }

  public OrderItemInput description(String value) {
    return set("description", value);
  }

  public OrderItemInput notes(String value) {
    return set("notes", value);
  }

  public OrderItemInput subscriptionPlanId(String value) {
    return set("subscription_plan_id", value);
  }
}
