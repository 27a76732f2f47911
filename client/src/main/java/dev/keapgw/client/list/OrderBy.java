package dev.keapgw.client.list;

import java.util.Locale;

/**
 * Keap's {@code order_by}: one field and a direction, sent as {@code "email asc"}. Which fields
 * a resource sorts by is Keap's to say (a wrong one answers 400).
 */
public record OrderBy(String field, Direction direction) {
  public enum Direction {
    ASC,
    DESC
  }

  public OrderBy {
    if (field == null || !field.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
      throw new IllegalArgumentException("'" + field + "' is not a field name to order by");
    }
    direction = direction == null ? Direction.ASC : direction;
  }

  public static OrderBy asc(String field) {
    return new OrderBy(field, Direction.ASC);
  }

  public static OrderBy desc(String field) {
    return new OrderBy(field, Direction.DESC);
  }

  /** Reads {@code "field"}, {@code "field asc"} or {@code "field desc"}. */
  public static OrderBy parse(String text) {
    String[] parts = text.strip().split("\\s+");
    if (parts.length > 2 || parts[0].isEmpty()) {
      throw new IllegalArgumentException(
          "order by '" + text + "': expected a field and asc or desc, e.g. 'email desc'");
    }
    if (parts.length == 1) {
      return asc(parts[0]);
    }
    return switch (parts[1].toLowerCase(Locale.ROOT)) {
      case "asc" -> asc(parts[0]);
      case "desc" -> desc(parts[0]);
      default ->
        throw new IllegalArgumentException(
            "order by '" + text + "': the direction must be asc or desc");
    };
  }

  @Override
  public String toString() {
    return field + " " + direction.name().toLowerCase(Locale.ROOT);
  }
}
