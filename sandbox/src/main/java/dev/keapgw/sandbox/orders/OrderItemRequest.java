package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.commerce.CurrencyValue;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.products.ProductsModule;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Set;

/**
 * Turns a {@code CreateOrderItemRequest} into a stored {@code OrderItem} (without its id).
 *
 * <p>Rules: {@code quantity} is required and at least 1; {@code item_type} defaults to
 * PRODUCT; PRODUCT and SUBSCRIPTION items need an existing {@code product_id}, and a
 * SUBSCRIPTION item a {@code subscription_plan_id} among that product's plans. Prices come in
 * major units (29.99) and are kept as {@code CurrencyValue}s; {@code price_per_unit} defaults
 * to the product's price and {@code cost_per_unit} to 0 (products carry no cost here). A
 * discount line always lowers the total: its price is stored negative whatever sign was sent.
 */
final class OrderItemRequest {
  private OrderItemRequest() {}

  static final Set<String> ITEM_TYPES = Set.of(
      "PRODUCT",
      "SHIPPING",
      "TAX",
      "FINANCE_CHARGE",
      "SUBSCRIPTION",
      "DISCOUNT",
      "DISCOUNT_FREE_TRIAL",
      "DISCOUNT_ORDER_TOTAL",
      "DISCOUNT_PRODUCT",
      "DISCOUNT_PRODUCT_CATEGORY",
      "DISCOUNT_SHIPPING",
      "OTHER",
      "FEE");

  static ObjectNode parse(BodyReader f, Tenant tenant) {
    long quantity = f.requiredWhole("quantity", 1);
    if (quantity > Integer.MAX_VALUE) {
      throw f.invalid("quantity", f.path("quantity") + " must be at most " + Integer.MAX_VALUE);
    }
    String type = f.oneOf("item_type", ITEM_TYPES);
    type = type == null ? "PRODUCT" : type;
    boolean needsProduct = type.equals("PRODUCT") || type.equals("SUBSCRIPTION");
    String productId = f.id("product_id");
    if (productId == null && needsProduct) {
      throw f.invalid("product_id", f.path("product_id") + " is required for item_type " + type);
    }
    ObjectNode product = productId == null
        ? null
        : References.row(tenant, ProductsModule.TABLE, productId)
            .orElseThrow(
                () -> f.invalid("product_id", "No product with id " + productId + " exists"));
    ObjectNode plan = type.equals("SUBSCRIPTION") ? plan(f, product) : null;

    String name = f.nonBlank("name");
    if (name == null && product != null) {
      name = product.path("name").asText();
    }
    if (name == null) {
      throw f.invalid("name", f.path("name") + " is required when the item has no product");
    }
    CurrencyValue price = money(f, "price_per_unit", type);
    if (price == null) {
      price = CurrencyValue.usd(product == null ? 0 : CurrencyValue.amountOf(product.get("price")));
    }
    CurrencyValue cost = money(f, "cost_per_unit", "PRODUCT");
    boolean discount = type.startsWith("DISCOUNT");
    if (discount) {
      price = CurrencyValue.usd(-Math.abs(price.amount()));
    }

    ObjectNode item = Json.object();
    item.put("id", "");
    item.put("name", name);
    Json.putText(item, "description", f.nonBlank("description"));
    Json.putText(item, "notes", f.nonBlank("notes"));
    item.put("quantity", quantity);
    if (discount) {
      item.set(
          "discount",
          CurrencyValue.usd(Math.abs(price.times(quantity).amount())).toJson());
    }
    if (product != null) {
      item.set("product", productSummary(product));
    }
    item.put("item_type", type);
    item.set("cost_per_unit", (cost == null ? CurrencyValue.usd(0) : cost).toJson());
    item.set("price_per_unit", price.toJson());
    if (plan != null) {
      item.set(
          "subscription_plan", subscriptionPlan(plan, f.nonBlank("subscription_plan_description")));
    }
    return item;
  }

  /** The line's amount in cents: quantity times price per unit. */
  static long lineTotal(JsonNode item) {
    return Math.multiplyExact(
        item.path("quantity").asLong(), CurrencyValue.amountOf(item.get("price_per_unit")));
  }

  private static CurrencyValue money(BodyReader f, String field, String type) {
    Double major = f.number(field, type.startsWith("DISCOUNT") ? -Double.MAX_VALUE : 0);
    if (major == null) {
      return null;
    }
    try {
      return CurrencyValue.ofMajor(major);
    } catch (ArithmeticException e) {
      throw f.invalid(field, f.path(field) + " is too large");
    }
  }

  private static ObjectNode plan(BodyReader f, ObjectNode product) {
    String planId = f.id("subscription_plan_id");
    if (planId == null) {
      throw f.invalid(
          "subscription_plan_id",
          f.path("subscription_plan_id") + " is required for item_type SUBSCRIPTION");
    }
    for (JsonNode p : product.path("subscription_plans")) {
      if (planId.equals(p.path("id").asText())) {
        return (ObjectNode) p;
      }
    }
    throw f.invalid(
        "subscription_plan_id",
        "Product " + product.path("id").asText() + " has no subscription plan with id " + planId);
  }

  private static ObjectNode productSummary(ObjectNode product) {
    ObjectNode p = Json.object();
    p.put("id", product.path("id").asText());
    p.put("name", product.path("name").asText());
    Json.copyText(product, p, "sku");
    Json.copyText(product, p, "description");
    p.put("shippable", product.path("shippable").asBoolean());
    p.put("taxable", product.path("taxable").asBoolean());
    return p;
  }

  private static ObjectNode subscriptionPlan(ObjectNode plan, String description) {
    ObjectNode s = Json.object();
    s.put("id", plan.path("id").asText());
    s.put("frequency", plan.path("billing_frequency").asInt(1));
    s.put("active", plan.path("active").asBoolean(true));
    s.put(
        "subscription_plan_name",
        description != null ? description : plan.path("billing_cycle").asText());
    s.put("cycle_type", plan.path("billing_cycle").asText());
    s.put("total_cycles", plan.path("number_of_cycles").asInt(0));
    s.set("plan_price", plan.path("plan_price").deepCopy());
    s.put("display_order_index", plan.path("order_index").asInt(0));
    return s;
  }
}
