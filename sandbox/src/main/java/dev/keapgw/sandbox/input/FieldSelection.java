package dev.keapgw.sandbox.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.list.Fields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code fields} parameter read as Keap's "optional properties": an answer carries a
 * resource's default fields, plus each optional field the request names. Naming a default
 * field changes nothing; naming anything else answers 400 naming it.
 *
 * @param defaults the fields every answer carries ({@code id} always comes along)
 * @param optional the fields that come only when named
 */
public record FieldSelection(Set<String> defaults, Set<String> optional, String domain) {
  public FieldSelection {
    defaults = Set.copyOf(defaults);
    optional = Set.copyOf(optional);
  }

  /** The view of rows for this request's {@code fields}, validated once. */
  public Function<ObjectNode, JsonNode> viewFor(KeapRequest r) {
    List<String> requested = r.paramList("fields");
    Set<String> wanted = new LinkedHashSet<>(defaults);
    for (String f : requested) {
      if (!optional.contains(f) && !defaults.contains(f)) {
        throw ApiException.invalidField(domain, f, "Unknown field '" + f + "' in fields; optional fields: "
            + String.join(", ", new TreeSet<>(optional)));
      }
      wanted.add(f);
    }
    List<String> names = List.copyOf(wanted);
    return row -> Fields.select(row, names, wanted, null, domain);
  }
}
