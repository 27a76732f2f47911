package dev.keapgw.sandbox.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;

/** Three users per tenant: user 1 is the account's admin, who grants OAuth access by default. */
final class UserSeed {
  private UserSeed() {}

  private static final String[][] PEOPLE = {
    {"Ada", "Lovelace", "true"},
    {"Grace", "Hopper", "false"},
    {"Alan", "Turing", "false"},
  };

  static void seed(Tenant tenant, String now) {
    Table users = tenant.table(UsersModule.TABLE);
    if (users.size() > 0) {
      return;
    }
    int n = 0;
    for (String[] p : PEOPLE) {
      n++;
      String email =
          p[0].toLowerCase() + "." + p[1].toLowerCase() + "@" + tenant.id() + ".example.com";
      ObjectNode u = Json.object();
      u.put("id", Integer.toString(n));
      u.put(
          "global_user_id",
          Long.toString(4_236_000L + (long) tenant.id().hashCode() % 1000 * 10 + n));
      u.put("keap_id", email);
      u.put("given_name", p[0]);
      u.put("middle_name", "");
      u.put("family_name", p[1]);
      u.put("nickname", p[0]);
      u.put("title", n == 1 ? "Owner" : "Sales");
      u.put("admin", Boolean.parseBoolean(p[2]));
      u.put("partner", false);
      u.put("status", "ACTIVE");
      u.put("company_name", "Sandbox Company " + tenant.id());
      u.putArray("email_addresses").addObject().put("email", email).put("field", "EMAIL1");
      u.putArray("phone_numbers")
          .addObject()
          .put("number", "555-010" + n)
          .put("field", "PHONE1")
          .put("type", "Work");
      u.putArray("fax_numbers");
      u.putArray("social_accounts");
      u.put("create_time", now);
      u.put("update_time", now);
      users.put(n, u);
    }
  }
}
