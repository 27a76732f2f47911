package dev.keapgw.sandbox.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.store.World;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Typed reads of a JSON request body. Every wrong value answers 400 naming the field by its
 * path in the body ({@code order_items[1].quantity}), so a caller can see which one to fix.
 * A field sent as JSON {@code null} counts as absent.
 */
public final class BodyFields {
  private final ObjectNode body;
  private final String domain;
  private final String prefix;

  public BodyFields(ObjectNode body, String domain) {
    this(body, domain, "");
  }

  private BodyFields(ObjectNode body, String domain, String prefix) {
    this.body = body;
    this.domain = domain;
    this.prefix = prefix;
  }

  /** Reads a nested object whose fields are reported as {@code path.field}. */
  public BodyFields nested(String path, ObjectNode node) {
    return new BodyFields(node, domain, prefix + path + ".");
  }

  /** The full name of a field as errors report it. */
  public String name(String field) {
    return prefix + field;
  }

  public ApiException invalid(String field, String message) {
    return ApiException.invalidField(domain, name(field), message);
  }

  public boolean has(String field) {
    return value(field) != null;
  }

  /** A string that is present and not blank. */
  public String requiredText(String field) {
    String v = optionalText(field);
    if (v == null || v.isBlank()) {
      throw invalid(field, name(field) + " is required and must not be blank");
    }
    return v;
  }

  /** A string, or null when absent; any other JSON type answers 400. */
  public String optionalText(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(field, name(field) + " must be a string");
    }
    return v.asText();
  }

  /** Like {@link #optionalText} but a present value must not be blank. */
  public String optionalNonBlank(String field) {
    String v = optionalText(field);
    if (v != null && v.isBlank()) {
      throw invalid(field, name(field) + " must not be blank");
    }
    return v;
  }

  /** An id, sent as a string of digits (a JSON integer is accepted too), or null. */
  public String optionalId(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    String id = v.isIntegralNumber() || v.isTextual() ? v.asText().trim() : "";
    if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
      throw invalid(field, name(field) + " must be an id (a string of digits)");
    }
    return id;
  }

  public String requiredId(String field) {
    String id = optionalId(field);
    if (id == null) {
      throw invalid(field, name(field) + " is required");
    }
    return id;
  }

  public Boolean optionalBoolean(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw invalid(field, name(field) + " must be true or false");
    }
    return v.booleanValue();
  }

  public boolean booleanOr(String field, boolean dflt) {
    Boolean v = optionalBoolean(field);
    return v == null ? dflt : v;
  }

  /** A whole number of at least {@code min}, or null when absent. */
  public Long optionalWhole(String field, long min) {
    return optionalWhole(field, min, Long.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}, or null when absent. */
  public Long optionalWhole(String field, long min, long max) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    boolean whole = v.isIntegralNumber() || (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble()));
    if (!whole || !v.canConvertToLong()) {
      throw invalid(field, name(field) + " must be a whole number");
    }
    long n = v.asLong();
    if (n < min) {
      throw invalid(field, name(field) + " must be greater than or equal to " + min);
    }
    if (n > max) {
      throw invalid(field, name(field) + " must be at most " + max);
    }
    return n;
  }

  public long requiredWhole(String field, long min) {
    Long n = optionalWhole(field, min);
    if (n == null) {
      throw invalid(field, name(field) + " is required");
    }
    return n;
  }

  /** A finite number of at least {@code min}, or null when absent. */
  public Double optionalNumber(String field, double min) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw invalid(field, name(field) + " must be a number");
    }
    if (v.asDouble() < min) {
      throw invalid(field, name(field) + " must be greater than or equal to " + min);
    }
    return v.asDouble();
  }

  /** One of {@code allowed} (exact spelling), or null when absent. */
  public String optionalEnum(String field, Set<String> allowed) {
    String v = optionalText(field);
    if (v != null && !allowed.contains(v)) {
      throw invalid(field, name(field) + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
    return v;
  }

  public String requiredEnum(String field, Set<String> allowed) {
    if (!has(field)) {
      throw invalid(field, name(field) + " is required");
    }
    return optionalEnum(field, allowed);
  }

  /**
   * An ISO-8601 date-time with an offset ({@code 2024-05-21T14:30:00Z} or {@code +02:00}),
   * returned in the sandbox's UTC form; null when absent.
   */
  public String optionalTime(String field) {
    String v = optionalText(field);
    if (v == null) {
      return null;
    }
    try {
      return World.timestamp(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      throw invalid(field, name(field) + " must be an ISO-8601 date-time with an offset, such as 2024-05-21T14:30:00Z");
    }
  }

  public String requiredTime(String field) {
    String t = optionalTime(field);
    if (t == null) {
      throw invalid(field, name(field) + " is required");
    }
    return t;
  }

  public ObjectNode optionalObject(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw invalid(field, name(field) + " must be an object");
    }
    return (ObjectNode) v;
  }

  public ArrayNode optionalArray(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid(field, name(field) + " must be an array");
    }
    return (ArrayNode) v;
  }

  private JsonNode value(String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v;
  }
}
