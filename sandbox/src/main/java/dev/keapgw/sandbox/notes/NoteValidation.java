package dev.keapgw.sandbox.notes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.BodyCheck;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import java.util.List;

/**
 * Checks a {@code CreateNoteRequest} and builds the note it describes. {@code user_id} is
 * required and must be a user of the account; a note needs a {@code title} or a {@code type};
 * the type is one of Keap Max/Pro's six (matched ignoring case, stored as spelled here). The
 * sandbox defines no note custom fields, so a custom field value names one that does not exist.
 */
final class NoteValidation {
  static final String DOMAIN = "note";
  static final List<String> TYPES = List.of("Appointment", "Call", "Email", "Fax", "Letter", "Other");

  private final BodyCheck check = new BodyCheck(DOMAIN);

  /** A checked note body: the note's fields (no id, contact or times yet) and whether to pin it. */
  record Draft(ObjectNode fields, boolean pinned) {}

  Draft note(ObjectNode body, Table users) {
    String userId = check.requiredText(body, "user_id", "user_id", 0);
    ObjectNode user = users.get(userId)
        .orElseThrow(() -> check.invalid("user_id", "There is no user with id '" + userId + "'"));
    String title = check.text(body, "title", 0);
    String type = type(check.text(body, "type", 0));
    if (blank(title) && type == null) {
      throw check.invalid("title", "A note needs a title or a type");
    }
    String text = check.text(body, "text", 0);
    Boolean pinned = check.bool(body, "is_pinned", "is_pinned");
    ArrayNode custom = check.array(body, "custom_fields", "custom_fields");
    if (custom != null && !custom.isEmpty()) {
      ObjectNode first = check.asObject(custom.get(0), "custom_fields[0]");
      throw check.invalid("custom_fields[0].id",
          "There is no note custom field with id '" + first.path("id").asText("") + "'");
    }
    ObjectNode note = Json.object();
    if (title != null) {
      note.put("title", title);
    }
    if (text != null) {
      note.put("text", text);
    }
    if (type != null) {
      note.put("type", type);
    }
    note.set("assigned_to_user", Json.object()
        .put("id", userId)
        .put("given_name", user.path("given_name").asText(""))
        .put("family_name", user.path("family_name").asText(""))
        .put("email_address", user.path("email_addresses").path(0).path("email").asText("")));
    note.put("created_by_user_id", userId);
    note.put("last_updated_by_user_id", userId);
    return new Draft(note, Boolean.TRUE.equals(pinned));
  }

  private String type(String t) {
    if (t == null || t.isBlank()) {
      return null;
    }
    for (String known : TYPES) {
      if (known.equalsIgnoreCase(t.trim())) {
        return known;
      }
    }
    throw check.invalid("type", "'type' must be one of " + String.join(", ", TYPES) + ", not '" + t + "'");
  }

  /** The names {@code fields} may carry for notes: only {@code custom_fields}. */
  static boolean wantsCustomFields(List<String> fields) {
    for (String f : fields) {
      if (!f.equals("custom_fields")) {
        throw ApiException.invalidField(DOMAIN, f, "Unknown field '" + f + "' in fields; notes take only custom_fields");
      }
    }
    return !fields.isEmpty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
