package dev.keapgw.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.StringJoiner;

/** A JSON value as the text of one cell. */
final class Cells {
  private Cells() {}

  /** Text as is, numbers and booleans as written, null or missing as empty, an array of scalars joined with ", ", anything else as compact JSON. */
  static String text(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return "";
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    if (v.isArray() && allScalars(v)) {
      StringJoiner j = new StringJoiner(", ");
      v.forEach(x -> j.add(x.asText()));
      return j.toString();
    }
    return v.toString();
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode x : array) {
      if (!x.isValueNode()) {
        return false;
      }
    }
    return true;
  }
}
