package dev.keapgw.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;

/**
 * For tests of resources that refer to contacts: declares the {@code contacts} table (a real
 * contacts module, where present, declares it first and keeps it) and writes contact rows
 * straight into the store, with no API of its own.
 */
public final class ContactStandIn implements KeapModule {
  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.of("contacts"));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {}

  /** Stores a contact with one primary address in the first tenant and returns its id. */
  public static String insert(Sandbox sandbox, String givenName, String email) {
    ObjectNode c = Json.object();
    c.put("id", "");
    c.put("given_name", givenName);
    c.putArray("email_addresses").addObject().put("email", email).put("field", "EMAIL1");
    c.put("create_time", sandbox.context().world().now());
    return Long.toString(contacts(sandbox).insert(c));
  }

  /** Deletes a contact the way the contacts module must: row and references, under the tenant's lock. */
  public static void delete(Sandbox sandbox, String id) {
    Tenant t = tenant(sandbox);
    t.write(() -> {
      long n = Long.parseLong(id);
      t.table("contacts").remove(n);
      sandbox.context().hooks().contactDeleted(t, n);
    });
  }

  private static Table contacts(Sandbox sandbox) {
    return tenant(sandbox).table("contacts");
  }

  private static Tenant tenant(Sandbox sandbox) {
    return sandbox.context().world().tenant(Sandbox.tenantId(1));
  }
}
