package dev.keapgw.sandbox.notes;

import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.list.Clause;
import dev.keapgw.sandbox.list.Filter;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.List;
import java.util.Locale;

/**
 * How one contact's notes are listed: the filter fields of listNotes and its orders.
 * {@code title==word} matches titles that contain the word, {@code title==Word*} those that
 * start with it (both ignoring case). {@code since_time} and {@code until_time} bound the
 * creation time. {@code id} and {@code ids} cannot be combined.
 */
final class NoteListSpec {
  private NoteListSpec() {}

  static final ListSpec SPEC = ListSpec.of(
      NoteValidation.DOMAIN,
      "notes",
      List.of(
          FilterField.number("id", Op.ALL, row -> row.path("id").asText(null)),
          FilterField.exact("ids", row -> List.of(row.path("id").asText())),
          FilterField.custom("title", Op.EQUALITY, true, (row, c) -> {
            String have = row.path("title").asText("").toLowerCase(Locale.ROOT);
            String want = c.value().toLowerCase(Locale.ROOT);
            return c.prefix() ? have.startsWith(want) : have.contains(want);
          }),
          FilterField.exact("contact_id", row -> List.of(row.path("contact_id").asText())),
          FilterField.exact(
              "assigned_to_user_id",
              row -> List.of(row.path("assigned_to_user").path("id").asText())),
          FilterField.since("since_time", row -> row.path("create_time").asText(null)),
          FilterField.until("until_time", row -> row.path("create_time").asText(null))),
      List.of(
          OrderField.id(),
          OrderField.text("create_time", "create_time"),
          OrderField.text("update_time", "update_time")));

  /** Rejects a filter that names both {@code id} and {@code ids}. */
  static void checkFilter(String filterText) {
    Filter f = Filter.parse(filterText, SPEC.filters(), NoteValidation.DOMAIN);
    boolean id = false;
    boolean ids = false;
    for (Clause c : f.clauses()) {
      id |= c.field().equals("id");
      ids |= c.field().equals("ids");
    }
    if (id && ids) {
      throw ApiException.invalidField(
          NoteValidation.DOMAIN, "ids", "The filter fields id and ids cannot be combined");
    }
  }
}
