package dev.keapgw.sandbox.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code fields} parameter, the one way resources read it. An answer carries a resource's
 * default fields plus each field the request names, as Keap's spec describes its "optional
 * properties"; {@code id} always comes along, and naming a default field changes nothing. A
 * name the resource does not accept answers 400 naming it.
 *
 * @param defaults the fields every answer carries
 * @param accepted the names {@code fields} may carry
 * @param unknownHint what the 400 for an unknown name adds after {@code "Unknown field 'x' in fields; "}
 */
public record FieldSelection(
    Set<String> defaults, Set<String> accepted, String domain, String unknownHint) {
  public FieldSelection {
    defaults = Set.copyOf(defaults);
    accepted = Set.copyOf(accepted);
  }

  /** Keap's optional properties: the defaults, plus any of {@code optional} that is named. */
  public static FieldSelection optional(Set<String> defaults, Set<String> optional, String domain) {
    Set<String> accepted = new LinkedHashSet<>(defaults);
    accepted.addAll(optional);
    return new FieldSelection(
        defaults,
        accepted,
        domain,
        "optional fields: " + String.join(", ", new TreeSet<>(optional)));
  }

  /** The names this request's {@code fields} carries (empty when absent), each checked. */
  public List<String> requested(KeapRequest r) {
    List<String> requested = r.paramList("fields");
    for (String f : requested) {
      if (!accepted.contains(f)) {
        throw ApiException.invalidField(
            domain, f, "Unknown field '" + f + "' in fields; " + unknownHint);
      }
    }
    return requested;
  }

  /**
   * The view of rows for this request's {@code fields}, checked once: {@code id}, then the
   * row's own fields that are defaults or named, in the row's order.
   */
  public Function<ObjectNode, JsonNode> viewFor(KeapRequest r) {
    Set<String> shown = new LinkedHashSet<>(defaults);
    shown.addAll(requested(r));
    return row -> {
      ObjectNode out = Json.object();
      if (row.has("id")) {
        out.set("id", row.get("id"));
      }
      row.fieldNames().forEachRemaining(name -> {
        if (!name.equals("id") && shown.contains(name)) {
          out.set(name, row.get(name));
        }
      });
      return out;
    };
  }
}
