package dev.keapgw.sandbox.list;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A field a list can be ordered by, with the key a row sorts under: a number or a lower-cased
 * string (timestamps in ISO-8601 UTC sort as strings). Ties are broken by id.
 */
public record OrderField(String name, Function<ObjectNode, Comparable<?>> key) {
  /** Ordering by the row's numeric id: served straight from the table's natural order. */
  public static final String ID = "id";

  public static OrderField text(String name, String jsonField) {
    return new OrderField(name, row -> {
      String v = row.path(jsonField).asText(null);
      return v == null ? "" : v.toLowerCase(java.util.Locale.ROOT);
    });
  }

  public static OrderField id() {
    return new OrderField(ID, row -> Long.parseLong(row.path("id").asText("0")));
  }
}
