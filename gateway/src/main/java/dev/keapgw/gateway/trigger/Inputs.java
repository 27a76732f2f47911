package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.error.GatewayException;
import java.util.Iterator;
import java.util.Set;

/** Reading fields of a caller's JSON body, each mistake a 400 naming the field. */
final class Inputs {
  private Inputs() {}

  static void onlyKnown(ObjectNode body, Set<String> known, String where) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!known.contains(n)) {
        throw GatewayException.badRequest("Unknown field '" + where + n + "': "
                + where.replace(".", "") + (where.isEmpty() ? "this body" : "") + " takes "
                + String.join(", ", known.stream().sorted().toList()))
            .with("field", where + n);
      }
    }
  }

  /** A string field, or null when absent or null; another type or a longer value is a 400. */
  static String text(ObjectNode body, String field, String where, int maxLength) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw GatewayException.badRequest("'" + where + field + "' must be a string")
          .with("field", where + field);
    }
    if (v.asText().length() > maxLength) {
      throw GatewayException.badRequest(
              "'" + where + field + "' is longer than " + maxLength + " characters")
          .with("field", where + field);
    }
    return v.asText();
  }

  static String required(
      ObjectNode body, String field, String where, int maxLength, String example) {
    String v = text(body, field, where, maxLength);
    if (v == null || v.isBlank()) {
      throw GatewayException.badRequest("'" + where + field + "' is required, e.g. " + example)
          .with("field", where + field);
    }
    return v;
  }

  /** An object field, or null when absent or null. */
  static ObjectNode object(ObjectNode body, String field, String where) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw GatewayException.badRequest("'" + where + field + "' must be a JSON object")
          .with("field", where + field);
    }
    return (ObjectNode) v;
  }

  static TriggerStatus status(ObjectNode body, String where) {
    String s = text(body, "status", where, 20);
    if (s == null) {
      return null;
    }
    if (s.equals("ENABLED") || s.equals("DISABLED")) {
      return TriggerStatus.valueOf(s);
    }
    throw GatewayException.badRequest("'" + where + "status' must be ENABLED or DISABLED")
        .with("field", where + "status");
  }
}
