package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The value of a custom field: its id (see the resource's {@code /model}) and content of whatever JSON type the field has.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomFieldValue(String id, JsonNode content) {
  /** A text value. */
  public static CustomFieldValue of(String id, String text) {
    return new CustomFieldValue(id, JsonNodeFactory.instance.textNode(text));
  }

  /** A number value. */
  public static CustomFieldValue of(String id, double number) {
    return new CustomFieldValue(id, JsonNodeFactory.instance.numberNode(number));
  }
}
