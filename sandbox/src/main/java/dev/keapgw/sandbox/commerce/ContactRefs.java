package dev.keapgw.sandbox.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * How commerce resources show and pick contacts, read through {@link References}: a sandbox
 * built without the contacts module accepts any contact id and shows only the id, while one
 * with it insists that the contact exists.
 */
public final class ContactRefs {
  public static final String TABLE = "contacts";

  private ContactRefs() {}

  /** Keap's {@code BasicContact} ({@code id, email, given_name, family_name}) as of now. */
  public static ObjectNode basic(Tenant tenant, String id) {
    ObjectNode out = Json.object();
    out.put("id", id);
    References.row(tenant, TABLE, id).ifPresent(c -> {
      String email = Json.text(c.path("email_addresses").path(0), "email");
      if (email != null) {
        out.put("email", email);
      }
      Json.copyText(c, out, "given_name");
      Json.copyText(c, out, "family_name");
    });
    return out;
  }

  /**
   * Contact ids {@code "1".."max"} that seeded rows may point at: those that exist, or all of
   * them when the sandbox has no contacts module.
   */
  public static List<String> sampleIds(Tenant tenant, int max) {
    if (tenant.declares(TABLE)) {
      return References.existingIds(tenant, TABLE, max);
    }
    List<String> all = new ArrayList<>();
    for (int i = 1; i <= max; i++) {
      all.add(Integer.toString(i));
    }
    return all;
  }
}
