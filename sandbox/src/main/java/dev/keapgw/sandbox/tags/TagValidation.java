package dev.keapgw.sandbox.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.Wording;
import dev.keapgw.sandbox.store.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks tag and tag category bodies. A tag needs a name (Keap keeps the first 255 characters
 * of a longer one rather than refusing it); its {@code category}, when given, must name an
 * existing category ({@code category.id}, else 400). A category needs a name that no other
 * category of the tenant has (ignoring case; else 409).
 */
final class TagValidation {
  static final String TAG = "tag";
  static final String CATEGORY = "tag_category";
  static final List<String> TAG_MASK = List.of("name", "description", "category");
  private static final int NAME_KEPT = 255;

  /**
   * Applies a create ({@code row} empty, {@code mask} null) or update body to a tag row.
   * Without a mask every field the body mentions changes; with one, only masked fields do, and
   * a masked field the body leaves out is cleared.
   */
  void applyTag(
      ObjectNode row, ObjectNode json, List<String> mask, Table categories, boolean create) {
    BodyReader body = tag(json);
    Set<String> fields = new LinkedHashSet<>(mask == null ? List.of() : mask);
    if (mask == null) {
      TAG_MASK.stream().filter(f -> create || body.has(f)).forEach(fields::add);
    }
    if (fields.contains("name")) {
      String name = body.requiredString("name").trim();
      row.put("name", name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name);
    }
    if (fields.contains("description")) {
      String d = body.string("description");
      row.put("description", d == null ? "" : d);
    }
    if (fields.contains("category")) {
      BodyReader c = body.object("category");
      if (c == null) {
        row.remove("category");
      } else {
        String id = c.requiredString("id");
        if (!categories.contains(id)) {
          throw c.invalid("id", "There is no tag category with id '" + id + "'");
        }
        row.set("category", Json.object().put("id", id));
      }
    }
  }

  /** The fields an {@code update_mask} names (null: none sent); unknown names answer 400. */
  List<String> tagMask(List<String> requested) {
    if (requested.isEmpty()) {
      return null;
    }
    for (String m : requested) {
      if (!TAG_MASK.contains(m)) {
        throw ApiException.invalidField(
            TAG,
            "update_mask",
            "'update_mask' must be one of " + String.join(", ", TAG_MASK) + ", not '" + m + "'");
      }
    }
    return requested;
  }

  ObjectNode category(ObjectNode json, Table categories) {
    BodyReader body = new BodyReader(json, CATEGORY, Wording.QUOTED_NAMING_VALUE);
    String name = body.requiredString("name", 255).trim();
    String description = body.string("description");
    categories.scan(null, true).forEachRemaining(e -> {
      String other = Json.parseTrusted(e.getValue()).path("name").asText();
      if (other.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        throw new ApiException(
            409,
            "A tag category named '" + name + "' already exists",
            List.of(new ApiException.Detail(CATEGORY, "name")));
      }
    });
    return Json.object()
        .put("name", name)
        .put("description", description == null ? "" : description);
  }

  /** The ids of an apply or remove body: a non-empty array of strings. */
  List<String> contactIds(ObjectNode json) {
    BodyReader body = tag(json);
    ArrayNode ids = body.array("contact_ids");
    if (ids == null || ids.isEmpty()) {
      throw body.invalid("contact_ids", "'contact_ids' must list at least one contact id");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      if (!id.isTextual()) {
        throw body.invalid(
            "contact_ids[" + i + "]", "'contact_ids[" + i + "]' must be a string id");
      }
      out.add(id.textValue());
    }
    return List.copyOf(out);
  }

  private static BodyReader tag(ObjectNode json) {
    return new BodyReader(json, TAG, Wording.QUOTED_NAMING_VALUE);
  }
}
