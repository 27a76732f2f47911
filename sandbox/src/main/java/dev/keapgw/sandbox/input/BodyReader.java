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
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one JSON request body (or of an object nested in it): the one way resources
 * read bodies. Every read returns null when the field is absent or JSON null, and answers 400
 * naming the field, as a path for nested values ({@code address.line1},
 * {@code order_items[1].quantity}), when the value has the wrong type or breaks a limit the
 * spec states. {@code required...} reads also refuse an absent value. The messages follow the
 * reader's {@link Wording}.
 */
public final class BodyReader {
  private final ObjectNode body;
  private final String domain;
  private final Wording wording;
  private final String prefix;

  public BodyReader(ObjectNode body, String domain) {
    this(body, domain, Wording.QUOTED);
  }

  public BodyReader(ObjectNode body, String domain, Wording wording) {
    this(body, domain, wording, "");
  }

  private BodyReader(ObjectNode body, String domain, Wording wording, String prefix) {
    this.body = body;
    this.domain = domain;
    this.wording = wording;
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
  public BodyReader allowOnly(
      Set<String> writable, Set<String> readOnly, Map<String, String> hints) {
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

  /** Whether the body names the field at all, JSON null included. */
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
      throw invalid(f, wording.mustBe(path(f), "a string", v));
    }
    if (v.asText().length() > maxLength) {
      throw invalid(f, wording.tooLong(path(f), maxLength));
    }
    return v.asText();
  }

  /** A string that must be present and not blank. */
  public String requiredString(String f) {
    return requiredString(f, Integer.MAX_VALUE);
  }

  public String requiredString(String f, int maxLength) {
    String s = string(f, maxLength);
    if (s == null || s.isBlank()) {
      throw invalid(f, wording.requiredText(path(f)));
    }
    return s;
  }

  /** A string that may be absent but, when sent, must not be blank. */
  public String nonBlank(String f) {
    String s = string(f);
    if (s != null && s.isBlank()) {
      throw invalid(f, wording.blank(path(f)));
    }
    return s;
  }

  /** A string that must be one of {@code allowed} (case-sensitive, as the spec's enums are). */
  public String oneOf(String f, Collection<String> allowed) {
    String s = string(f);
    if (s != null && !allowed.contains(s)) {
      throw invalid(f, wording.oneOf(path(f), allowed, s));
    }
    return s;
  }

  public String requiredOneOf(String f, Collection<String> allowed) {
    return required(f, oneOf(f, allowed));
  }

  /** An id: a string of digits; a JSON whole number is taken too, as Keap's Java server does. */
  public String id(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    String s = v.isIntegralNumber() ? v.asText() : v.isTextual() ? v.asText().trim() : null;
    if (s == null || s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 18) {
      throw invalid(f, wording.mustBe(path(f), "an id (a string of digits)", v));
    }
    return Long.toString(Long.parseLong(s));
  }

  public String requiredId(String f) {
    return required(f, id(f));
  }

  public Boolean bool(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw invalid(f, wording.mustBe(path(f), "true or false", v));
    }
    return v.asBoolean();
  }

  public boolean bool(String f, boolean dflt) {
    Boolean b = bool(f);
    return b == null ? dflt : b;
  }

  public Double number(String f) {
    return number(f, Double.NEGATIVE_INFINITY);
  }

  /** A finite number of at least {@code min}. */
  public Double number(String f, double min) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw invalid(f, wording.mustBe(path(f), "a number", v));
    }
    if (v.asDouble() < min) {
      throw invalid(f, wording.atLeast(path(f), min));
    }
    return v.asDouble();
  }

  /**
   * An int; a string of digits is taken too (the spec lists some int enums as strings), a
   * number with a fraction is not.
   */
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
    throw invalid(f, wording.mustBe(path(f), "a whole number", v));
  }

  /**
   * A JSON number with no fraction ({@code 2.0} is taken) from {@code min} to {@code max};
   * a string is not taken.
   */
  public Long whole(String f, long min, long max) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    boolean whole = v.isIntegralNumber()
        || (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble()));
    if (!whole || !v.canConvertToLong()) {
      throw invalid(f, wording.mustBe(path(f), "a whole number", v));
    }
    long n = v.asLong();
    if (n < min) {
      throw invalid(f, wording.atLeast(path(f), min));
    }
    if (n > max) {
      throw invalid(f, wording.atMost(path(f), max));
    }
    return n;
  }

  public long requiredWhole(String f, long min) {
    return required(f, whole(f, min, Long.MAX_VALUE));
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
      throw invalid(f, wording.time(path(f)));
    }
  }

  public String requiredTime(String f) {
    return required(f, time(f));
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
      throw invalid(f, wording.date(path(f), s));
    }
  }

  /** A nested object, read with the same rules; null when absent. */
  public BodyReader object(String f) {
    JsonNode v = value(f);
    return v == null ? null : nested(path(f), v);
  }

  /** Item {@code i} of the array {@code f}, which must be an object, read with the same rules. */
  public BodyReader item(String f, int i) {
    return nested(path(f) + "[" + i + "]", body.path(f).path(i));
  }

  public ArrayNode array(String f) {
    JsonNode v = value(f);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw invalid(f, wording.mustBe(path(f), "an array", v));
    }
    return (ArrayNode) v;
  }

  /** A 400 naming this reader's field {@code f}. */
  public ApiException invalid(String f, String message) {
    return ApiException.invalidField(domain, path(f), message);
  }

  /** The field's path in the whole body, as errors name it. */
  public String path(String f) {
    return prefix + f;
  }

  private BodyReader nested(String path, JsonNode v) {
    if (!v.isObject()) {
      throw ApiException.invalidField(domain, path, wording.mustBe(path, "an object", v));
    }
    return new BodyReader((ObjectNode) v, domain, wording, path + ".");
  }

  private <T> T required(String f, T value) {
    if (value == null) {
      throw invalid(f, wording.required(path(f)));
    }
    return value;
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
