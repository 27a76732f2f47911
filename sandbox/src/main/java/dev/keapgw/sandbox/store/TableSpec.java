package dev.keapgw.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Declares one kind of row (contacts, tags, ...) and the exact-match indexes it keeps, each
 * a function from a row to the lower-cased keys it should be found under.
 */
public record TableSpec(
    String name, Map<String, Function<ObjectNode, Collection<String>>> indexes) {
  public TableSpec {
    indexes = Map.copyOf(indexes);
  }

  public static TableSpec of(String name) {
    return new TableSpec(name, Map.of());
  }

  public static TableSpec indexed(
      String name, String index, Function<ObjectNode, Collection<String>> keys) {
    return new TableSpec(name, Map.of(index, keys));
  }

  public List<String> indexNames() {
    return List.copyOf(indexes.keySet());
  }
}
