package dev.keapgw.client.contacts;

import dev.keapgw.client.common.Body;
import dev.keapgw.client.common.CustomFieldValue;
import java.util.List;

/**
 * The body of a note create: {@code userId} is required, and a {@code title} or a {@code type}
 * (Appointment, Call, Email, Fax, Letter, Other).
 */
public final class NoteInput extends Body<NoteInput> {
  public NoteInput title(String value) {
    return set("title", value);
  }

  public NoteInput text(String value) {
    return set("text", value);
  }

  public NoteInput type(String value) {
    return set("type", value);
  }

  public NoteInput userId(String value) {
    return set("user_id", value);
  }

  public NoteInput pinned(Boolean value) {
    return set("is_pinned", value);
  }

  public NoteInput customFields(List<CustomFieldValue> value) {
    return set("custom_fields", value);
  }
}
