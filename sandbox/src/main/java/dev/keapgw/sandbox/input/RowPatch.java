package dev.keapgw.sandbox.input;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes values read from a create or PATCH body onto a stored row, the way resources with
 * clearable fields do it: a value sent replaces the field, JSON null clears it, and a field
 * the body leaves out stays as it is.
 */
public final class RowPatch {
  private RowPatch() {}

  /** Writes {@code value} (read from {@code body}'s field {@code f}) onto the row. */
  public static void set(ObjectNode row, BodyReader body, String f, String value) {
    if (value != null) {
      row.put(f, value);
    } else if (body.isNull(f)) {
      row.remove(f);
    }
  }

  /** {@code custom_fields}, checked by {@link CustomFields}; null leaves an empty array. */
  public static void customFields(ObjectNode row, BodyReader body) {
    ArrayNode custom = CustomFields.read(body, "custom_fields");
    if (custom != null) {
      row.set("custom_fields", custom);
    } else if (body.isNull("custom_fields")) {
      row.putArray("custom_fields");
    }
  }
}
