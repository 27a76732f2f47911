package dev.keapgw.sandbox.emails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.List;

/**
 * How sent emails are listed. A stored email is Keap's {@code EmailSentWithContent}; the list
 * leaves the two contents out. Keap names the send time {@code created_time} in filters and
 * ordering; the field it returns is {@code sent_time}.
 */
final class EmailViews {
  private EmailViews() {}

  static final ListSpec LIST = ListSpec.of(
      "email",
      "emails",
      List.of(
          new FilterField(
              "contact_id",
              Op.EQ_NE,
              false,
              (row, c) -> {
                boolean any = c.values().contains(row.path("contact_id").asText(""));
                return c.op() == Op.NE ? !any : any;
              },
              "contact_id"),
          FilterField.indexedText(
              "email", false, row -> List.of(row.path("sent_to_address").asText(""))),
          FilterField.since("start_created_time", row -> row.path("sent_time").asText(null)),
          FilterField.until("end_created_time", row -> row.path("sent_time").asText(null))),
      List.of(OrderField.text("created_time", "sent_time")));

  static JsonNode listItem(ObjectNode stored) {
    ObjectNode out = stored.deepCopy();
    out.remove("plain_content");
    out.remove("html_content");
    return out;
  }
}
