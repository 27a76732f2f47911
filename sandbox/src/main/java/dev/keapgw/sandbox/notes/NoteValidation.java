package dev.keapgw.sandbox.notes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.FieldSelection;
import dev.keapgw.sandbox.input.Wording;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code CreateNoteRequest} and builds the note it describes. {@code user_id} must be
 * a user of the account; the spec marks it required, but Maton's published example creates a
 * note without it, so the sandbox takes the user who authorized the call when it is absent
 * (as Keap's v1 API did). A note needs a {@code title} or a {@code type};
 * the type is one of Keap Max/Pro's six (matched ignoring case, stored as spelled here). The
 * sandbox defines no note custom fields, so a custom field value names one that does not exist.
 */
final class NoteValidation {
  static final String DOMAIN = "note";
  static final List<String> TYPES =
      List.of("Appointment", "Call", "Email", "Fax", "Letter", "Other");

  /** A checked note body: the note's fields (no id, contact or times yet) and whether to pin it. */
  record Draft(ObjectNode fields, boolean pinned) {}

  /** @param callerUserId the user behind the credential, used when the body names none */
  Draft note(ObjectNode json, Tenant tenant, String callerUserId) {
    BodyReader body = new BodyReader(json, DOMAIN, Wording.QUOTED_NAMING_VALUE);
    String named = body.string("user_id");
    String userId = named == null ? callerUserId : named;
    ObjectNode user = References.row(tenant, "users", userId)
        .orElseThrow(() -> body.invalid("user_id", "There is no user with id '" + userId + "'"));
    String title = body.string("title");
    String type = type(body, body.string("type"));
    if (blank(title) && type == null) {
      throw body.invalid("title", "A note needs a title or a type");
    }
    String text = body.string("text");
    Boolean pinned = body.bool("is_pinned");
    ArrayNode custom = body.array("custom_fields");
    if (custom != null && !custom.isEmpty()) {
      BodyReader first = body.item("custom_fields", 0);
      throw first.invalid(
          "id",
          "There is no note custom field with id '" + first.node().path("id").asText("") + "'");
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
    note.set("assigned_to_user", assignedUser(userId, user));
    note.put("created_by_user_id", userId);
    note.put("last_updated_by_user_id", userId);
    return new Draft(note, Boolean.TRUE.equals(pinned));
  }

  /** A note's {@code assigned_to_user}: the user's id, names and first email address. */
  static ObjectNode assignedUser(String userId, ObjectNode user) {
    return Json.object()
        .put("id", userId)
        .put("given_name", user.path("given_name").asText(""))
        .put("family_name", user.path("family_name").asText(""))
        .put("email_address", user.path("email_addresses").path(0).path("email").asText(""));
  }

  private static String type(BodyReader body, String t) {
    if (t == null || t.isBlank()) {
      return null;
    }
    for (String known : TYPES) {
      if (known.equalsIgnoreCase(t.trim())) {
        return known;
      }
    }
    throw body.invalid(
        "type", "'type' must be one of " + String.join(", ", TYPES) + ", not '" + t + "'");
  }

  /**
   * {@code fields} for notes names only {@code custom_fields}, which adds an empty array (the
   * sandbox defines no note custom fields); every other field of a note is always answered.
   */
  static final FieldSelection FIELDS = new FieldSelection(
      Set.of(), Set.of("custom_fields"), DOMAIN, "notes take only custom_fields");

  static boolean wantsCustomFields(KeapRequest r) {
    return !FIELDS.requested(r).isEmpty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
