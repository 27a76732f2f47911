package dev.keapgw.sandbox.products;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.commerce.CurrencyValue;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.Wording;

/**
 * Turns a {@code createProduct} body into the stored product. {@code name},
 * {@code short_description} and {@code price} (a whole number of cents, at least 0) are
 * required; flags default to false except {@code active}, which defaults to true. Unknown
 * fields are ignored, as Keap's server ignores them.
 */
final class ProductRequest {
  private ProductRequest() {}

  static ObjectNode create(ObjectNode body, String now) {
    BodyReader f = new BodyReader(body, ProductsModule.DOMAIN, Wording.BARE);
    String name = f.requiredString("name");
    long price = f.requiredWhole("price", 0);
    String shortDescription = f.requiredString("short_description");
    ObjectNode p = Json.object();
    p.put("id", ""); // Table.insert fills it in; set here so it comes first
    p.put("name", name);
    p.set("price", CurrencyValue.usd(price).toJson());
    p.put("active", f.bool("active", true));
    Json.putText(p, "description", f.string("description"));
    Json.putText(p, "sku", f.string("sku"));
    p.put("shippable", f.bool("shippable", false));
    Double weight = f.number("weight", 0);
    if (weight != null) {
      p.put("weight", weight);
    }
    p.put("taxable", f.bool("taxable", false));
    p.putArray("categories");
    p.putArray("options");
    p.set("inventory", inventory(f));
    p.put("short_description", shortDescription);
    for (String flag : new String[] {
      "subscription_only", "storefront_hidden", "country_taxable", "state_taxable", "city_taxable"
    }) {
      p.put(flag, f.bool(flag, false));
    }
    p.putArray("subscription_plans");
    Json.putText(p, "top_html", f.string("top_html"));
    Json.putText(p, "bottom_html", f.string("bottom_html"));
    p.put("is_package", f.bool("is_package", false));
    p.put("needs_digital_delivery", f.bool("needs_digital_delivery", false));
    p.put("has_legacy_image", false);
    Json.putText(p, "delivery_description", f.string("delivery_description"));
    p.put("create_time", now);
    p.put("update_time", now);
    return p;
  }

  private static ObjectNode inventory(BodyReader f) {
    BodyReader given = f.object("inventory");
    BodyReader inv =
        given != null ? given : new BodyReader(Json.object(), ProductsModule.DOMAIN, Wording.BARE);
    ObjectNode out = Json.object();
    out.put("inventory_limit", orZero(inv.whole("inventory_limit", 0, Integer.MAX_VALUE)));
    out.put("inventory_count", orZero(inv.whole("inventory_count", 0, Integer.MAX_VALUE)));
    out.put("out_of_stock_enabled", inv.bool("out_of_stock_enabled", false));
    Json.putText(
        out, "email_for_inventory_notifications", inv.string("email_for_inventory_notifications"));
    return out;
  }

  private static long orZero(Long n) {
    return n == null ? 0 : n;
  }
}
