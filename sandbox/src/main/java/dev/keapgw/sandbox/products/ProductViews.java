package dev.keapgw.sandbox.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.commerce.SortKeys;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.List;

/** How products are listed, and how a list item differs from a product fetched by id. */
final class ProductViews {
  private ProductViews() {}

  static final ListSpec LIST = ListSpec.of(
      ProductsModule.DOMAIN,
      "products",
      List.of(
          text("name"),
          text("sku"),
          text("description"),
          text("short_description"),
          FilterField.number("product_id", Op.COMPARE, row -> row.path("id").asText(null)),
          FilterField.exact("product_ids", row -> List.of(row.path("id").asText()))),
      List.of(
          OrderField.text("name", "name"),
          OrderField.text("sku", "sku"),
          SortKeys.time("last_updated_time", "update_time")));

  /** A list item: the product without its inventory count, which only GET by id carries. */
  static JsonNode listItem(ObjectNode row) {
    JsonNode inventory = row.get("inventory");
    if (inventory instanceof ObjectNode inv) {
      inv.remove("inventory_count");
    }
    return row;
  }

  private static FilterField text(String field) {
    return FilterField.text(field, true, row -> {
      String v = row.path(field).asText(null);
      return v == null ? List.of() : List.of(v);
    });
  }
}
