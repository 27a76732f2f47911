package dev.keapgw.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A column of a table or CSV: a header and a dotted path into each item
 * ({@code email_addresses.0.email}: the first address's email).
 */
public record Column(String header, List<String> path) {
  public static Column of(String header, String dottedPath) {
    return new Column(header, List.of(dottedPath.split("\\.")));
  }

  /** A column named by its path. */
  public static Column of(String dottedPath) {
    return of(dottedPath, dottedPath);
  }

  /** Columns from a comma-separated list of paths, each {@code path} or {@code header=path}. */
  public static List<Column> parseList(String spec) {
    List<Column> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      out.add(eq > 0 ? of(p.substring(0, eq), p.substring(eq + 1)) : of(p));
    }
    return out;
  }

  /** The value at this column's path; a missing node if there is none. */
  public JsonNode in(JsonNode item) {
    JsonNode n = item;
    for (String step : path) {
      if (n == null || n.isMissingNode()) {
        break;
      }
      n = n.isArray() && step.chars().allMatch(Character::isDigit)
          ? n.path(Integer.parseInt(step))
          : n.path(step);
    }
    return n;
  }
}
