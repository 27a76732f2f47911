package dev.keapgw.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * Reads typed values out of a request body for one resource (the {@code domain} of its
 * errors). Every method answers 400 naming the field's path (such as
 * {@code email_addresses[0].email}) when the value has the wrong JSON type or breaks a rule;
 * an absent field or JSON null reads as null.
 */
public final class BodyCheck {
  private final String domain;

  public BodyCheck(String domain) {
    this.domain = domain;
  }

  public String domain() {
    return domain;
  }

  public ApiException invalid(String path, String message) {
    return ApiException.invalidField(domain, path, message);
  }

  /** A string of at most {@code maxLength} characters (0: no limit). */
  public String text(JsonNode parent, String field, String path, int maxLength) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(path, "'" + path + "' must be a string, not " + kind(v));
    }
    String s = v.textValue();
    if (maxLength > 0 && s.length() > maxLength) {
      throw invalid(path, "'" + path + "' is longer than the maximum of " + maxLength + " characters");
    }
    return s;
  }

  public String text(JsonNode parent, String field, int maxLength) {
    return text(parent, field, field, maxLength);
  }

  /** A string that must be present and not blank. */
  public String requiredText(JsonNode parent, String field, String path, int maxLength) {
    String s = text(parent, field, path, maxLength);
    if (s == null || s.isBlank()) {
      throw invalid(path, "'" + path + "' is required");
    }
    return s;
  }

  public Boolean bool(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw invalid(path, "'" + path + "' must be true or false, not " + kind(v));
    }
    return v.booleanValue();
  }

  public ArrayNode array(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid(path, "'" + path + "' must be an array, not " + kind(v));
    }
    return (ArrayNode) v;
  }

  public ObjectNode object(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return asObject(v, path);
  }

  public ObjectNode asObject(JsonNode v, String path) {
    if (!v.isObject()) {
      throw invalid(path, "'" + path + "' must be an object, not " + kind(v));
    }
    return (ObjectNode) v;
  }

  /** {@code value} itself when it is one of {@code allowed} (exact spelling), else 400. */
  public String oneOf(String value, String path, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw invalid(path, "'" + path + "' must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
    }
    return value;
  }

  private static String kind(JsonNode v) {
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return "a string";
  }
}
