package dev.keapgw.sandbox.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.TreeSet;

/**
 * How a {@link BodyReader}'s 400 messages are worded. The rules a value must meet are the
 * same whatever the wording; only the sentence differs. Resources were written with three
 * wordings and clients may already match on them, so each resource keeps its own.
 */
public enum Wording {
  /** {@code 'address.line1' must be a string}; enums listed sorted. */
  QUOTED,
  /** {@code order_items[0].quantity must be a whole number}; enums listed sorted. */
  BARE,
  /** {@code 'email_addresses[0].email' must be a string, not a number}; enums in the order given, then the value sent. */
  QUOTED_NAMING_VALUE;

  String name(String path) {
    return this == BARE ? path : "'" + path + "'";
  }

  /** The value has the wrong JSON type (or shape): it must be {@code what}. */
  String mustBe(String path, String what, JsonNode got) {
    return name(path) + " must be " + what
        + (this == QUOTED_NAMING_VALUE ? ", not " + kind(got) : "");
  }

  String tooLong(String path, int max) {
    return name(path) + " is longer than " + (this == QUOTED_NAMING_VALUE ? "the maximum of " : "")
        + max + " characters";
  }

  /** A value that must be sent is absent or null. */
  String required(String path) {
    return name(path) + " is required";
  }

  /** A string that must be sent is absent, null or blank. */
  String requiredText(String path) {
    return required(path) + (this == BARE ? " and must not be blank" : "");
  }

  String blank(String path) {
    return name(path) + " must not be blank";
  }

  String atLeast(String path, Object min) {
    return name(path) + " must be greater than or equal to " + min;
  }

  String atMost(String path, Object max) {
    return name(path) + " must be at most " + max;
  }

  String oneOf(String path, Collection<String> allowed, String got) {
    if (this == QUOTED_NAMING_VALUE) {
      return name(path) + " must be one of " + String.join(", ", allowed) + ", not '" + got + "'";
    }
    return name(path) + " must be one of " + String.join(", ", new TreeSet<>(allowed));
  }

  String time(String path) {
    return this == BARE
        ? path + " must be an ISO-8601 date-time with an offset, such as 2024-05-21T14:30:00Z"
        : name(path) + " must be an ISO-8601 date-time with an offset, e.g. 2026-02-15T10:00:00Z";
  }

  String date(String path, String got) {
    return this == QUOTED_NAMING_VALUE
        ? name(path) + " must be a date written yyyy-MM-dd, not '" + got + "'"
        : name(path) + " must be a date written yyyy-mm-dd";
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
