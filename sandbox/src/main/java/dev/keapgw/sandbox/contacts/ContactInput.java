package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A validated create or update body: the writable fields it set, each already in its stored
 * form (a JSON null where the body cleared the field), and the UTM touch it carried, if any.
 * Fields the body did not mention are absent from {@code values}.
 */
record ContactInput(Map<String, JsonNode> values, ObjectNode utm) {

  /** Whether the body brings at least one email address, phone number or address. */
  boolean hasReachableDetail() {
    for (String f : List.of("email_addresses", "phone_numbers", "addresses")) {
      JsonNode v = values.get(f);
      if (v instanceof ArrayNode a && !a.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  String text(String field) {
    JsonNode v = values.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  List<String> emails() {
    JsonNode v = values.get("email_addresses");
    if (v == null) {
      return List.of();
    }
    return StreamSupport.stream(v.spliterator(), false)
        .map(e -> e.path("email").asText())
        .toList();
  }
}
