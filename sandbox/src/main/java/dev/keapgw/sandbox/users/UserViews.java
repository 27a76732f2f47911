package dev.keapgw.sandbox.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.OrderField;
import java.util.ArrayList;
import java.util.List;

/** How users are listed: page sizes 1 to 100, and the filter and order fields Keap documents. */
final class UserViews {
  private UserViews() {}

  static final ListSpec LIST = ListSpec.of(
          "user",
          "users",
          List.of(
              FilterField.indexedText("email", false, UserViews::emails),
              FilterField.text(
                  "given_name", false, row -> List.of(row.path("given_name").asText(""))),
              // Inactive users and partners are hidden unless asked for.
              FilterField.bool("include_inactive", row -> true),
              FilterField.bool("include_partners", row -> true),
              FilterField.exact("user_ids", row -> List.of(row.path("id").asText()))),
          List.of(
              OrderField.text("create_time", "create_time"),
              new OrderField(
                  "email",
                  row -> emails(row).isEmpty() ? "" : emails(row).get(0).toLowerCase()),
              OrderField.text("name", "family_name")))
      .pageSizes(1, 100, 100);

  static List<String> emails(ObjectNode row) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : row.path("email_addresses")) {
      out.add(e.path("email").asText());
    }
    return out;
  }
}
