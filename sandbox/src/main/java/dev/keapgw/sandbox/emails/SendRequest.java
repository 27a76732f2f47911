package dev.keapgw.sandbox.emails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.Wording;
import dev.keapgw.sandbox.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A checked {@code emails:send} body. Contents are held as Base64 (see {@link EmailContent});
 * the sender is either a user id or an address, never both.
 *
 * @param contacts the recipients' contact ids, in request order
 * @param addressField which of a contact's addresses to use; null for the primary one
 */
record SendRequest(
    List<String> contacts,
    String subject,
    String userId,
    String fromAddress,
    String htmlContent,
    String plainContent,
    String addressField) {

  /** Keap's names for a contact's three address slots; custom fields start with {@code _}. */
  static final Set<String> ADDRESS_FIELDS = Set.of("Email", "EmailAddress2", "EmailAddress3");

  /** Reads and checks a body; anything wrong answers 400 naming the field. */
  static SendRequest parse(ObjectNode body) {
    BodyReader in = new BodyReader(body, "email", Wording.BARE);
    List<String> contacts = contacts(body.get("contacts"));
    String subject = in.string("subject");
    if (subject == null || subject.isBlank()) {
      throw bad("subject", "subject is required");
    }
    String userId = blankToNull(userId(in));
    String from = blankToNull(in.string("from_address"));
    if ((userId == null) == (from == null)) {
      throw new ApiException(
          400,
          "Exactly one of user_id or from_address is required"
              + (userId == null ? ", and neither was sent" : ", not both"),
          List.of(
              new ApiException.Detail("email", "user_id"),
              new ApiException.Detail("email", "from_address")));
    }
    if (from != null && !from.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw bad("from_address", "from_address must be an email address");
    }
    String field = in.string("address_field");
    if (field != null
        && !ADDRESS_FIELDS.contains(field)
        && !(field.startsWith("_") && field.length() > 1)) {
      throw bad(
          "address_field",
          "address_field must be Email, EmailAddress2, EmailAddress3 or a custom field "
              + "name starting with '_' (case-sensitive), not '" + field + "'");
    }
    Attachments.check(body.get("attachments"));
    String html = in.string("html_content");
    String plain = in.string("plain_content");
    return new SendRequest(
        List.copyOf(contacts),
        subject,
        userId,
        from,
        html == null ? "" : EmailContent.asBase64(html),
        plain == null ? "" : EmailContent.asBase64(plain),
        field);
  }

  /**
   * Contact ids as strings (whole numbers are taken too). The form {@code [{"id":"9"}]}, which
   * some third-party guides show, is not in Keap's spec and is refused with a message showing
   * the accepted form.
   */
  private static List<String> contacts(JsonNode node) {
    if (node == null || node.isNull()) {
      throw bad("contacts", "contacts is required: an array of contact id strings such as [\"9\"]");
    }
    if (!node.isArray() || node.isEmpty()) {
      throw bad(
          "contacts", "contacts must be a non-empty array of contact id strings such as [\"9\"]");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode c : node) {
      if (c.isObject()) {
        throw bad(
            "contacts",
            "contacts takes contact id strings such as [\"9\"], not objects such as [{\"id\":\"9\"}]");
      }
      String id = c.isTextual() || c.isIntegralNumber() ? c.asText().trim() : "";
      if (Table.parseId(id) == null) {
        throw bad(
            "contacts", "contacts must hold contact ids (whole numbers as strings), not " + c);
      }
      out.add(Long.toString(Table.parseId(id)));
    }
    return out;
  }

  /** A user id is a string, but a whole number is taken too. */
  private static String userId(BodyReader in) {
    JsonNode v = in.node().get("user_id");
    return v != null && v.isIntegralNumber() ? v.asText() : in.string("user_id");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static ApiException bad(String field, String message) {
    return ApiException.invalidField("email", field, message);
  }
}
