package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;

/**
 * UTM attribution. A request sends one touch as a snake_case object
 * ({@code {"keap_source_id":...,"utm_source":...}}); a contact answers the touches it has
 * collected as an array of camelCase objects, as Keap does. Every create or update that carries
 * a touch appends one: the first is the first touch, the newest is the last touch.
 */
final class ContactUtm {
  private ContactUtm() {}

  private static final String[][] NAMES = {
    {"keap_source_id", "keapSourceId"},
    {"utm_source", "utmSource"},
    {"utm_medium", "utmMedium"},
    {"utm_term", "utmTerm"},
    {"utm_campaign", "utmCampaign"},
    {"utm_content", "utmContent"},
  };

  /** The touch a body carries in its request form, or null; {@code keap_source_id} is required. */
  static ObjectNode parse(BodyReader body) {
    BodyReader in = body.object("utm_parameters");
    if (in == null) {
      return null;
    }
    ObjectNode out = Json.object();
    for (String[] n : NAMES) {
      String v = in.string(n[0]);
      if (v != null) {
        out.put(n[1], v);
      }
    }
    if (!out.has("keapSourceId") || out.get("keapSourceId").asText().isBlank()) {
      throw in.invalid("keap_source_id", "'utm_parameters.keap_source_id' is required");
    }
    return out;
  }

  /** Appends a touch to a contact row; ids are the contact id times 1000 plus the touch number. */
  static void append(ObjectNode row, long contactId, ObjectNode touch, String now) {
    ArrayNode list = row.has("utm_parameters") && row.get("utm_parameters").isArray()
        ? (ArrayNode) row.get("utm_parameters")
        : row.putArray("utm_parameters");
    for (JsonNode old : list) {
      ((ObjectNode) old).put("lastTouch", false);
    }
    ObjectNode t = Json.object();
    t.put("id", contactId * 1000 + list.size() + 1);
    t.setAll(touch);
    t.put("firstTouch", list.isEmpty());
    t.put("lastTouch", true);
    t.put("dateCreated", now);
    list.add(t);
  }
}
