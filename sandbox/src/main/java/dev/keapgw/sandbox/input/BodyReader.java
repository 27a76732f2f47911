package dev.keapgw.sandbox.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.store.World;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one JSON request body (or of an object nested in it). Every read returns
 * null when the field is absent or JSON null, and answers 400 naming the field, as a dotted
 * path for nested objects ({@code address.line1}), when the value has the wrong type or
 * breaks a limit the spec states.
 */
public final class BodyReader {
  private final ObjectNode body;
  private final String domain;
  private final String prefix;

  public BodyReader(ObjectNode body, String domain) {
    this(body, domain, "");
  }

  private BodyReader(ObjectNode body, String domain, String prefix) {
    this.body = body;
    this.domain = domain;
    this.prefix = prefix;
  }

  public ObjectNode node() {
    return body;
  }

  /**
   * Rejects a field that is neither writable nor read-only. Read-only fields (ids and
   * timestamps of the response schema) are let through and never applied, so that a client
   * may send back what it read. {@code hints} maps a wrong name to advice, such as the
   * spec's name for a field a third-party example spells differently.
   */
  public BodyReader allowOnly(Set<String> writable, Set<String> readOnly, Map<String, String> hints) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (writable.contains(f) || readOnly.contains(f)) {
        continue;
      }
      String hint = hints.get(f);
      throw invalid(f, "Unknown field '" + path(f) + "'" + (hint == null ? "" : ": " + hint));
    }
    return this;
  }

  public boolean has(String f) {
    return body.has(f);
  }

  /** Present and JSON null: on PATCH, a request to clear the field. */
  public boolean isNull(String f) {
    JsonNode v = body.get(f);
    return v != null && v.isNull();
  }

  public String string(String f) {
    return string(f, Integer.MAX_VALUE);
  }

  public String string(String f, int maxLength) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(f, "'" + path(f) + "' must be a string");
    }
    if (v.asText().length() > maxLength) {
      throw invalid(f, "'" + path(f) + "' is longer than " + maxLength + " characters");
    }
    return v.asText();
  }

  /** A string that must be one of {@code allowed} (case-sensitive, as the spec's enums are). */
  public String oneOf(String f, Set<String> allowed) {
    String s = string(f);
    if (s != null && !allowed.contains(s)) {
      throw invalid(f, "'" + path(f) + "' must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
    return s;
  }

  /** An id: a string of digits; a JSON whole number is taken too, as Keap's Java server does. */
  public String id(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    String s = v.isIntegralNumber() ? v.asText() : v.isTextual() ? v.asText().trim() : null;
    if (s == null || s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 18) {
      throw invalid(f, "'" + path(f) + "' must be an id (a string of digits)");
    }
    return Long.toString(Long.parseLong(s));
  }

  public Boolean bool(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw invalid(f, "'" + path(f) + "' must be true or false");
    }
    return v.asBoolean();
  }

  public Double number(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw invalid(f, "'" + path(f) + "' must be a number");
    }
    return v.asDouble();
  }

  /** A whole number; a string of digits is taken too (the spec lists some int enums as strings). */
  public Integer integer(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.asInt();
    }
    if (v.isTextual() && v.asText().matches("-?\\d{1,9}")) {
      return Integer.parseInt(v.asText());
    }
    throw invalid(f, "'" + path(f) + "' must be a whole number");
  }

  /** An ISO-8601 date-time with an offset, answered back in UTC as the sandbox writes times. */
  public String time(String f) {
    String s = string(f);
    if (s == null) {
      return null;
    }
    try {
      return World.timestamp(parseInstant(s));
    } catch (DateTimeParseException e) {
      throw invalid(f, "'" + path(f) + "' must be an ISO-8601 date-time with an offset, e.g. 2026-02-15T10:00:00Z");
    }
  }

  /** A calendar date written {@code yyyy-mm-dd}. */
  public String date(String f) {
    String s = string(f);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s).toString();
    } catch (DateTimeParseException e) {
      throw invalid(f, "'" + path(f) + "' must be a date written yyyy-mm-dd");
    }
  }

  /** A nested object, read with the same rules; null when absent. */
  public BodyReader object(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw invalid(f, "'" + path(f) + "' must be an object");
    }
    return new BodyReader((ObjectNode) v, domain, path(f) + ".");
  }

  public ArrayNode array(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid(f, "'" + path(f) + "' must be an array");
    }
    return (ArrayNode) v;
  }

  /** A 400 naming this reader's field {@code f}. */
  public ApiException invalid(String f, String message) {
    return ApiException.invalidField(domain, path(f), message);
  }

  public String path(String f) {
    return prefix + f;
  }

  private JsonNode value(String f) {
    JsonNode v = body.get(f);
    return v == null || v.isNull() ? null : v;
  }

  static Instant parseInstant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(s).toInstant();
    }
  }
}
