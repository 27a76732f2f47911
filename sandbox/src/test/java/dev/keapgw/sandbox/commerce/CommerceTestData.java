package dev.keapgw.sandbox.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Shared helpers for the commerce tests. Contacts belong to another module that may not be in
 * this build, so tests ask for a contact id here: with the contacts table present they get a
 * freshly inserted contact, without it any id is accepted.
 */
public final class CommerceTestData {
  private CommerceTestData() {}

  public static boolean hasContacts(SandboxFixture fix) {
    return References.table(tenant(fix), ContactRefs.TABLE).isPresent();
  }

  /** A contact id an order may refer to, named {@code given family <email>} when contacts exist. */
  public static String contactId(SandboxFixture fix, String given, String family, String email) {
    return References.table(tenant(fix), ContactRefs.TABLE).map(t -> {
      ObjectNode c = Json.object().put("given_name", given).put("family_name", family);
      c.putArray("email_addresses").addObject().put("email", email).put("field", "EMAIL1");
      return Long.toString(t.insert(c));
    }).orElse("1");
  }

  /** {@code ?filter=...} with the value percent-encoded, as Keap's clients send it. */
  public static String filter(String filter) {
    return "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  public static String orderBy(String orderBy) {
    return "order_by=" + URLEncoder.encode(orderBy, StandardCharsets.UTF_8);
  }

  private static Tenant tenant(SandboxFixture fix) {
    return fix.sandbox().context().world().tenant(Sandbox.tenantId(1));
  }
}
