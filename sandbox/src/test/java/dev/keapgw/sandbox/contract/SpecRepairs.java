package dev.keapgw.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fixes to the spec that no real answer could otherwise pass, applied in memory at load; the
 * file on the classpath stays Keap's copy. Each fix is narrow and reported by
 * {@link SpecContract#repairs()}, so a new spec version that changes them shows up in a test.
 *
 * <p>Two fixes:
 *
 * <ul>
 *   <li>An {@code integer} schema whose {@code enum} lists its values as strings of digits
 *       (Keap's {@code remind_time_mins}: {@code type: integer, enum: ['5', '10', ...]}). JSON
 *       Schema compares enum values by type as well as value, so no integer could match, while
 *       the field's own example (30) and every client send an integer. The repair turns the enum
 *       values into the integers they spell.
 *   <li>A {@code string} schema whose description says the value is null in some case (a note's
 *       {@code pinned_at}: "null if not pinned"). The spec has no {@code nullable} and no
 *       {@code "null"} type anywhere, so its own words are the only sign; the repair lets these
 *       few properties be null. Everywhere else null is a violation: an absent value is
 *       omitted, not sent as null.
 * </ul>
 */
final class SpecRepairs {
  private static final Pattern NULL_IF = Pattern.compile("\\bnull if\\b", Pattern.CASE_INSENSITIVE);

  private SpecRepairs() {}

  /** Repairs {@code spec} in place; returns the JSON pointer of every schema it changed. */
  static List<String> apply(JsonNode spec) {
    List<String> changed = new ArrayList<>();
    walk(spec, "", changed);
    return changed;
  }

  private static void walk(JsonNode node, String pointer, List<String> changed) {
    if (node instanceof ObjectNode object) {
      if (integerEnumSpelledAsStrings(object)) {
        ArrayNode integers = object.arrayNode();
        object.get("enum").forEach(v -> integers.add(new BigInteger(v.asText())));
        object.set("enum", integers);
        changed.add(pointer);
      }
      if (stringSaidToBeNull(object)) {
        object.set("type", object.arrayNode().add("string").add("null"));
        changed.add(pointer);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        walk(field.getValue(), pointer + "/" + escape(field.getKey()), changed);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), pointer + "/" + i, changed);
      }
    }
  }

  private static boolean integerEnumSpelledAsStrings(ObjectNode schema) {
    JsonNode values = schema.get("enum");
    if (!"integer".equals(schema.path("type").asText())
        || values == null
        || !values.isArray()
        || values.isEmpty()) {
      return false;
    }
    for (JsonNode v : values) {
      if (!v.isTextual() || !v.asText().matches("-?\\d+")) {
        return false;
      }
    }
    return true;
  }

  private static boolean stringSaidToBeNull(ObjectNode schema) {
    return "string".equals(schema.path("type").asText())
        && NULL_IF.matcher(schema.path("description").asText("")).find();
  }

  /** Escapes one JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
