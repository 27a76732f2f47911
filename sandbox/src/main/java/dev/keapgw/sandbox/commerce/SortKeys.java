package dev.keapgw.sandbox.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.OrderField;
import java.time.format.DateTimeParseException;

/**
 * Order-by keys that sort correctly where text would not: timestamps by instant (a stored
 * {@code 10:00:00Z} and {@code 10:00:00.500Z} compare wrongly as strings) and ids by number.
 */
public final class SortKeys {
  private SortKeys() {}

  /** Orders by the instant in a timestamp field; rows without one sort first. */
  public static OrderField time(String name, String jsonField) {
    return new OrderField(name, row -> epochMillis(row.path(jsonField).asText(null)));
  }

  /** Orders by a string id field read as a number; rows without one sort first. */
  public static OrderField id(String name, String jsonField) {
    return new OrderField(name, row -> number(row, jsonField));
  }

  static long number(ObjectNode row, String field) {
    String v = row.path(field).asText("");
    try {
      return v.isEmpty() ? 0L : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0L;
    }
  }

  static long epochMillis(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return 0L;
    }
    try {
      return FilterField.parseTime(timestamp).toEpochMilli();
    } catch (DateTimeParseException e) {
      return 0L;
    }
  }
}
