package dev.keapgw.sandbox.refs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a module reads rows of tables it does not own (a task's contact, an opportunity's
 * stage, the users a seed assigns). A build of the sandbox may lack the module that declares
 * a table; such a table reads as absent (no rows) rather than failing, so each resource works
 * whichever others are present. Nothing here catches an exception: {@link Tenant#declares}
 * says whether a table exists.
 *
 * <p>A module that writes another module's rows as part of its own job (tags keep a contact's
 * {@code tag_ids}) takes that table with {@link Tenant#table}: it cannot work without it.
 */
public final class References {
  private References() {}

  /** The tenant's table, or empty when no module of this build declares it. */
  public static Optional<Table> table(Tenant tenant, String name) {
    return tenant.declares(name) ? Optional.of(tenant.table(name)) : Optional.empty();
  }

  public static Optional<ObjectNode> row(Tenant tenant, String table, String id) {
    return id == null ? Optional.empty() : table(tenant, table).flatMap(t -> t.get(id));
  }

  /**
   * Whether {@code id} may be stored as a reference into {@code table}: it must name a row,
   * unless this build does not emulate that resource at all, in which case nothing can be
   * checked and any id is taken.
   */
  public static boolean accepts(Tenant tenant, String table, String id) {
    return table(tenant, table).map(t -> t.contains(id)).orElse(true);
  }

  /** Whether this build declares {@code table} and it holds {@code id}. */
  public static boolean exists(Tenant tenant, String table, String id) {
    return table(tenant, table).map(t -> t.contains(id)).orElse(false);
  }

  /** How many rows {@code table} holds (0 when it is not declared). */
  public static int size(Tenant tenant, String table) {
    return table(tenant, table).map(Table::size).orElse(0);
  }

  /**
   * Which of the ids {@code "1"..max} name rows of {@code table}: the rows a seed may point at
   * (none when the table is not declared).
   */
  public static List<String> existingIds(Tenant tenant, String table, int max) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= max; i++) {
      if (exists(tenant, table, Integer.toString(i))) {
        out.add(Integer.toString(i));
      }
    }
    return out;
  }

  /** The first {@code n} rows of {@code table} in id order (none when it is not declared). */
  public static List<ObjectNode> first(Tenant tenant, String table, int n) {
    List<ObjectNode> out = new ArrayList<>();
    scan(tenant, table, n, e -> out.add(Json.parseTrusted(e.getValue())));
    return out;
  }

  /** The ids of the first {@code n} rows of {@code table}, as {@link #first} orders them. */
  public static List<String> firstIds(Tenant tenant, String table, int n) {
    List<String> out = new ArrayList<>();
    scan(tenant, table, n, e -> out.add(Long.toString(e.getKey())));
    return out;
  }

  private static void scan(
      Tenant tenant, String table, int n, Consumer<Map.Entry<Long, byte[]>> each) {
    table(tenant, table).ifPresent(t -> {
      Iterator<Map.Entry<Long, byte[]>> it = t.scan(null, true);
      for (int i = 0; i < n && it.hasNext(); i++) {
        each.accept(it.next());
      }
    });
  }
}
