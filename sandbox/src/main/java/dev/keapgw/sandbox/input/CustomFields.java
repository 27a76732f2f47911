package dev.keapgw.sandbox.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;

/**
 * Custom field values as requests send them: {@code [{"id":"3","content":...}]}. The sandbox
 * keeps no custom field model, so any id is taken; text content is held to Keap's 65535
 * characters.
 */
public final class CustomFields {
  public static final int MAX_TEXT = 65_535;

  private CustomFields() {}

  /** The validated values, or null when the field is absent or null. */
  public static ArrayNode read(BodyReader body, String field) {
    ArrayNode in = body.array(field);
    if (in == null) {
      return null;
    }
    ArrayNode out = Json.array();
    for (JsonNode item : in) {
      if (!item.isObject()) {
        throw body.invalid(
            field, "Each of '" + body.path(field) + "' must be an object {id, content}");
      }
      JsonNode rawId = item.get("id");
      String id = rawId == null || !(rawId.isTextual() || rawId.isIntegralNumber())
          ? ""
          : rawId.asText().trim();
      if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
        throw body.invalid(
            field, "Each of '" + body.path(field) + "' needs an id (a string of digits)");
      }
      JsonNode content = item.get("content");
      if (content != null && content.isTextual() && content.asText().length() > MAX_TEXT) {
        throw body.invalid(
            field, "Custom field " + id + " is longer than " + MAX_TEXT + " characters");
      }
      ObjectNode v = out.addObject();
      v.put("id", id);
      v.set("content", content == null ? NullNode.getInstance() : content);
    }
    return out;
  }
}
