package dev.keapgw.sandbox.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code contact_ids} body of the sequence add and remove calls. */
final class ContactIds {
  static final String FIELD = "contact_ids";

  private ContactIds() {}

  /**
   * The ids in request order. A missing or empty array, or an item that is neither a string
   * nor a whole number, answers 400 naming {@code contact_ids}; ids that are strings but not
   * contact ids are reported per contact instead.
   */
  static List<String> parse(ObjectNode body) {
    JsonNode ids = body.get(FIELD);
    if (ids == null || ids.isNull()) {
      throw ApiException.invalidField("sequence", FIELD, "contact_ids is required");
    }
    if (!ids.isArray() || ids.isEmpty()) {
      throw ApiException.invalidField(
          "sequence", FIELD, "contact_ids must be a non-empty array of contact id strings");
    }
    List<String> out = new ArrayList<>(ids.size());
    for (JsonNode id : ids) {
      if (id.isTextual() || id.isIntegralNumber()) {
        out.add(id.asText().trim());
      } else {
        throw ApiException.invalidField(
            "sequence",
            FIELD,
            "contact_ids must hold contact id strings such as \"12\", not "
                + id.getNodeType().name().toLowerCase());
      }
    }
    return out;
  }
}
