package dev.keapgw.sandbox.list;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import java.util.List;
import java.util.Set;

/**
 * The {@code fields} parameter: which properties of a row an answer carries. Without it a
 * resource answers its default set; with it, {@code id} plus the fields named. A name the
 * resource does not know answers 400 naming it.
 */
public final class Fields {
  private Fields() {}

  /**
   * @param requested the parsed {@code fields} values (empty when absent)
   * @param known every field the resource can return
   * @param defaults the fields returned when none are requested; null for all of them
   */
  public static ObjectNode select(ObjectNode row, List<String> requested, Set<String> known, Set<String> defaults, String domain) {
    for (String f : requested) {
      if (!known.contains(f)) {
        throw ApiException.invalidField(domain, f, "Unknown field '" + f + "' in fields; known fields: "
            + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
    if (requested.isEmpty() && defaults == null) {
      return row;
    }
    ObjectNode out = Json.object();
    if (row.has("id")) {
      out.set("id", row.get("id"));
    }
    Iterable<String> wanted = requested.isEmpty() ? defaults : requested;
    // keep the row's own field order
    row.fieldNames().forEachRemaining(name -> {
      if (!name.equals("id") && contains(wanted, name)) {
        out.set(name, row.get(name));
      }
    });
    return out;
  }

  private static boolean contains(Iterable<String> names, String name) {
    for (String n : names) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
