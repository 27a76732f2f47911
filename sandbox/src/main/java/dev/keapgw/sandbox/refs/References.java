package dev.keapgw.sandbox.refs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Optional;

/**
 * Rows of other resources that a resource refers to (a task's contact, an opportunity's
 * stage). A build of the sandbox may lack the module that declares a table; such a table
 * reads as absent rather than failing, so each resource works whichever others are present.
 */
public final class References {
  private References() {}

  /** The tenant's table, or empty when no module of this build declares it. */
  public static Optional<Table> table(Tenant tenant, String name) {
    try {
      return Optional.of(tenant.table(name));
    } catch (IllegalArgumentException undeclared) {
      return Optional.empty();
    }
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
}
