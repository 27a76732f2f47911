package dev.keapgw.gateway.mcp;

import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments, read with errors that name the argument. Values are as the SDK
 * decoded the JSON: strings, numbers, booleans, lists and maps.
 */
final class Args {
  private final Map<String, Object> values;

  Args(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  Object raw(String name) {
    return values.get(name);
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  /** A string argument, or null when absent. */
  String optionalText(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ToolFailure.invalid("'" + name + "' must be a string");
    }
    return s;
  }

  String text(String name) {
    String v = optionalText(name);
    if (v == null || v.isBlank()) {
      throw ToolFailure.invalid("'" + name + "' is required");
    }
    return v;
  }

  /** An object argument, or an empty map when absent. */
  @SuppressWarnings("unchecked")
  Map<String, Object> object(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw ToolFailure.invalid("'" + name + "' must be an object");
    }
    return (Map<String, Object>) m;
  }

  /** A whole number within bounds, or {@code otherwise} when absent. */
  int integer(String name, int otherwise, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return otherwise;
    }
    if (!(v instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < min
        || n.doubleValue() > max) {
      throw ToolFailure.invalid("'" + name + "' must be a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }

  /** The value of a query or path parameter as text: strings, numbers and booleans, as JSON writes them. */
  static String scalar(String name, Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
    }
    throw ToolFailure.invalid("'" + name + "' must be a string, a number or a boolean"
        + (v instanceof List<?> ? " (a list is allowed only in 'query')" : ""));
  }
}
