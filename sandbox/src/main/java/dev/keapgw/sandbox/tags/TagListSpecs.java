package dev.keapgw.sandbox.tags;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import dev.keapgw.sandbox.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How tags, tag categories and a tag's contacts are listed: the filter and order fields of
 * listTags, listTagCategories and listContactsWithTagId. Where the spec allows it, the value
 * {@code NONE} asks for rows where the field is missing or empty ({@code category_id==NONE}:
 * tags in no category).
 */
final class TagListSpecs {
  private TagListSpecs() {}

  /** Tags and categories are ordered the same way. */
  private static final List<OrderField> BY_NAME_AND_TIMES = List.of(
      OrderField.text("name", "name"),
      OrderField.text("create_time", "create_time"),
      OrderField.text("update_time", "update_time"));

  static final ListSpec TAGS = ListSpec.of(
      TagValidation.TAG,
      "tags",
      withTimeBounds(
          FilterField.text("name", false, text("name")),
          orNone("description", text("description")),
          orNone("category_id", row -> List.of(row.path("category").path("id").asText(""))),
          FilterField.exact("tag_ids", row -> List.of(row.path("id").asText()))),
      BY_NAME_AND_TIMES);

  static final ListSpec CATEGORIES = ListSpec.of(
      TagValidation.CATEGORY,
      "tag_categories",
      withTimeBounds(orNone("name", text("name")), orNone("description", text("description"))),
      BY_NAME_AND_TIMES);

  /**
   * The list of one tag's contacts. Its rows are tag applications; names and email are read
   * from the contact each one points at, so they are always current.
   */
  static ListSpec taggedContacts(Table contacts) {
    Function<ObjectNode, ObjectNode> contact =
        app -> contacts.get(app.path("contact_id").asText()).orElse(Json.object());
    Function<ObjectNode, ObjectNode> view = app -> taggedContact(app, contact.apply(app));
    return ListSpec.of(
        TagValidation.TAG,
        "contacts",
        List.of(
            orNone(
                "given_name", app -> List.of(view.apply(app).path("given_name").asText(""))),
            orNone(
                "family_name",
                app -> List.of(view.apply(app).path("family_name").asText(""))),
            orNone("email", app -> List.of(view.apply(app).path("email").asText(""))),
            FilterField.since("since_applied_time", time("applied_time")),
            FilterField.until("until_applied_time", time("applied_time"))),
        List.of(
            new OrderField(
                "given_name", app -> lower(view.apply(app).path("given_name").asText(""))),
            new OrderField(
                "family_name", app -> lower(view.apply(app).path("family_name").asText(""))),
            new OrderField("email", app -> lower(view.apply(app).path("email").asText(""))),
            OrderField.text("applied_time", "applied_time")));
  }

  /** {@code {id, email, given_name, family_name, applied_time}} of one application. */
  static ObjectNode taggedContact(ObjectNode app, ObjectNode contact) {
    ObjectNode out = Json.object();
    out.put("id", app.path("contact_id").asText());
    String email = contact.path("email_addresses").path(0).path("email").asText(null);
    if (email != null) {
      out.put("email", email);
    }
    for (String f : List.of("given_name", "family_name")) {
      if (contact.hasNonNull(f)) {
        out.put(f, contact.get(f).asText());
      }
    }
    out.put("applied_time", app.path("applied_time").asText());
    return out;
  }

  /** Case-insensitive text equality, where {@code NONE} means missing or empty. */
  /** {@code fields}, then the four bounds on create and update times that tags and categories share. */
  private static List<FilterField> withTimeBounds(FilterField... fields) {
    List<FilterField> all = new ArrayList<>(List.of(fields));
    all.add(FilterField.since("since_create_time", time("create_time")));
    all.add(FilterField.until("until_create_time", time("create_time")));
    all.add(FilterField.since("since_update_time", time("update_time")));
    all.add(FilterField.until("until_update_time", time("update_time")));
    return all;
  }

  private static FilterField orNone(String name, Function<ObjectNode, List<String>> values) {
    return FilterField.custom(name, Op.EQ_NE, false, (row, c) -> {
      List<String> have = values.apply(row);
      boolean hit = c.value().equals("NONE")
          ? have.stream().allMatch(v -> v == null || v.isEmpty())
          : have.stream().anyMatch(v -> v != null && v.equalsIgnoreCase(c.value()));
      return c.op() == Op.NE ? !hit : hit;
    });
  }

  private static Function<ObjectNode, List<String>> text(String field) {
    return row -> List.of(row.path(field).asText(""));
  }

  private static Function<ObjectNode, String> time(String field) {
    return row -> row.path(field).asText(null);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
