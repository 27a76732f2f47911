package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.commerce.ContactRefs;
import dev.keapgw.sandbox.commerce.SortKeys;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** How orders are listed and shown. */
final class OrderViews {
  private OrderViews() {}

  static final ListSpec LIST = ListSpec.of(
      OrdersModule.DOMAIN,
      "orders",
      List.of(
          FilterField.number("id", Op.ALL, row -> row.path("id").asText(null)),
          FilterField.exact("ids", row -> List.of(row.path("id").asText())),
          FilterField.exact("product_id", OrderViews::productIds),
          FilterField.exact(
              "contact_id", row -> List.of(row.path("contact").path("id").asText())),
          FilterField.exact("invoice_id", row -> List.of(row.path("invoice_id").asText())),
          // Invoice external ids are not emulated: no order has one.
          FilterField.custom("invoice_xid", Op.EQ_NE, false, (row, c) -> c.op() == Op.NE),
          FilterField.bool("paid", row -> row.path("status").asText().equals("PAID")),
          FilterField.since(
              "created_since_time", row -> row.path("creation_time").asText(null)),
          FilterField.until(
              "created_until_time", row -> row.path("creation_time").asText(null)),
          FilterField.since(
              "modified_since_time", row -> row.path("modification_time").asText(null)),
          FilterField.until(
              "modified_until_time", row -> row.path("modification_time").asText(null)),
          text("title", true, row -> row.path("title").asText(null)),
          text("order_type", false, row -> row.path("order_type").asText(null))
              .checked(v -> OrderRequest.ORDER_TYPES.contains(v.toUpperCase(Locale.ROOT))),
          text("shipping_locality", false, row -> address(row).path("locality").asText(null)),
          text(
              "shipping_region_code",
              false,
              row -> address(row)
                  .path("region_code")
                  .asText(address(row).path("region").asText(null))),
          text(
              "shipping_postal_code",
              false,
              row -> address(row)
                  .path("postal_code")
                  .asText(address(row).path("zip_code").asText(null))),
          text(
              "shipping_country_code",
              false,
              row -> address(row).path("country_code").asText(null))),
      List.of(
          OrderField.id(),
          SortKeys.time("order_time", "order_time"),
          SortKeys.time("modification_time", "modification_time")));

  /**
   * An order as answered: its contact summary is read from the contact as it is now (a
   * renamed contact shows its new name), falling back to what was stored at creation.
   */
  static Function<ObjectNode, JsonNode> view(Tenant tenant) {
    return row -> {
      String contactId = row.path("contact").path("id").asText("");
      if (References.exists(tenant, ContactRefs.TABLE, contactId)) {
        row.set("contact", ContactRefs.basic(tenant, contactId));
      }
      return row;
    };
  }

  private static List<String> productIds(ObjectNode row) {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : row.path("order_items")) {
      String id = item.path("product").path("id").asText(null);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static JsonNode address(ObjectNode row) {
    return row.path("shipping_information").path("address");
  }

  private static FilterField text(
      String name, boolean wildcard, Function<ObjectNode, String> value) {
    return FilterField.text(name, wildcard, row -> {
      String v = value.apply(row);
      return v == null ? List.of() : List.of(v);
    });
  }
}
