package dev.keapgw.sandbox.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How commerce resources refer to contacts. The contacts table belongs to another module, so
 * every access tolerates its absence: a sandbox built without that module accepts any contact
 * id and shows only the id, while one with it insists that the contact exists.
 */
public final class ContactRefs {
  public static final String TABLE = "contacts";

  private ContactRefs() {}

  /** The tenant's contacts table, or empty when no module declares one. */
  public static Optional<Table> table(Tenant tenant) {
    try {
      return Optional.of(tenant.table(TABLE));
    } catch (IllegalArgumentException undeclared) {
      return Optional.empty();
    }
  }

  /** Whether a request may point at this contact id. */
  public static boolean referable(Tenant tenant, String id) {
    return table(tenant).map(t -> t.contains(id)).orElse(Table.parseId(id) != null);
  }

  /** Keap's {@code BasicContact} ({@code id, email, given_name, family_name}) as of now. */
  public static ObjectNode basic(Tenant tenant, String id) {
    ObjectNode out = Json.object();
    out.put("id", id);
    table(tenant).flatMap(t -> t.get(id)).ifPresent(c -> {
      String email = Json.text(c.path("email_addresses").path(0), "email");
      if (email != null) {
        out.put("email", email);
      }
      copyText(c, out, "given_name");
      copyText(c, out, "family_name");
    });
    return out;
  }

  /**
   * Contact ids {@code "1".."max"} that seeded rows may point at: those that exist, or all of
   * them when the sandbox has no contacts module.
   */
  public static List<String> sampleIds(Tenant tenant, int max) {
    Optional<Table> contacts = table(tenant);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= max; i++) {
      String id = Integer.toString(i);
      if (contacts.isEmpty() || contacts.get().contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static void copyText(ObjectNode from, ObjectNode to, String field) {
    String v = Json.text(from, field);
    if (v != null) {
      to.put(field, v);
    }
  }
}
