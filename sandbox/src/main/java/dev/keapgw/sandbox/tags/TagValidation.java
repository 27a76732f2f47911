package dev.keapgw.sandbox.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.BodyCheck;
import dev.keapgw.sandbox.http.Json;
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

  private final BodyCheck tag = new BodyCheck(TAG);
  private final BodyCheck category = new BodyCheck(CATEGORY);

  /**
   * Applies a create ({@code row} empty, {@code mask} null) or update body to a tag row.
   * Without a mask every field the body mentions changes; with one, only masked fields do, and
   * a masked field the body leaves out is cleared.
   */
  void applyTag(ObjectNode row, ObjectNode body, List<String> mask, Table categories, boolean create) {
    Set<String> fields = new LinkedHashSet<>(mask == null ? List.of() : mask);
    if (mask == null) {
      TAG_MASK.stream().filter(f -> create || body.has(f)).forEach(fields::add);
    }
    if (fields.contains("name")) {
      String name = tag.requiredText(body, "name", "name", 0).trim();
      row.put("name", name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name);
    }
    if (fields.contains("description")) {
      String d = tag.text(body, "description", 0);
      row.put("description", d == null ? "" : d);
    }
    if (fields.contains("category")) {
      ObjectNode c = tag.object(body, "category", "category");
      if (c == null) {
        row.remove("category");
      } else {
        String id = tag.requiredText(c, "id", "category.id", 0);
        if (!categories.contains(id)) {
          throw tag.invalid("category.id", "There is no tag category with id '" + id + "'");
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
      tag.oneOf(m, "update_mask", TAG_MASK);
    }
    return requested;
  }

  ObjectNode category(ObjectNode body, Table categories) {
    String name = category.requiredText(body, "name", "name", 255).trim();
    String description = category.text(body, "description", 0);
    categories.scan(null, true).forEachRemaining(e -> {
      String other = Json.parseTrusted(e.getValue()).path("name").asText();
      if (other.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        throw new ApiException(409, "A tag category named '" + name + "' already exists",
            List.of(new ApiException.Detail(CATEGORY, "name")));
      }
    });
    return Json.object().put("name", name).put("description", description == null ? "" : description);
  }

  /** The ids of an apply or remove body: a non-empty array of strings. */
  List<String> contactIds(ObjectNode body) {
    ArrayNode ids = tag.array(body, "contact_ids", "contact_ids");
    if (ids == null || ids.isEmpty()) {
      throw tag.invalid("contact_ids", "'contact_ids' must list at least one contact id");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      if (!id.isTextual()) {
        throw tag.invalid("contact_ids[" + i + "]", "'contact_ids[" + i + "]' must be a string id");
      }
      out.add(id.textValue());
    }
    return List.copyOf(out);
  }
}
