package dev.keapgw.sandbox.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.store.Table;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code duplicate_option} of a contact create: how an existing contact is recognised. All
 * three need an email in common (any of the body's addresses against any of the contact's,
 * ignoring case, through the email index); the longer options also need the same given and
 * family name, and then the same company (by id, or by name when either side has no id).
 * When several contacts match, the oldest (lowest id) wins.
 */
enum DuplicateOption {
  Email,
  EmailAndName,
  EmailAndNameAndCompany;

  /** The option a query value names, null when absent; anything else answers 400. */
  static DuplicateOption parse(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(
          ContactValidation.DOMAIN,
          "duplicate_option",
          "duplicate_option must be one of " + Arrays.toString(values()) + ", not '" + value + "'");
    }
  }

  Optional<ObjectNode> find(Table contacts, ContactInput in) {
    TreeSet<Long> ids = new TreeSet<>();
    for (String email : in.emails()) {
      ids.addAll(contacts.lookup("email", email));
    }
    for (long id : ids) {
      Optional<ObjectNode> row = contacts.get(id);
      if (row.isPresent() && matches(row.get(), in)) {
        return row;
      }
    }
    return Optional.empty();
  }

  private boolean matches(ObjectNode row, ContactInput in) {
    if (this == Email) {
      return true;
    }
    boolean names = same(row.path("given_name").asText(null), in.text("given_name"))
        && same(row.path("family_name").asText(null), in.text("family_name"));
    if (this == EmailAndName || !names) {
      return names;
    }
    JsonNode have = row.path("company");
    JsonNode want = in.values().get("company");
    if (want == null || want.isNull()) {
      return have.isMissingNode();
    }
    if (have.has("id") && want.has("id")) {
      return have.get("id").asText().equals(want.get("id").asText());
    }
    return same(
        have.path("company_name").asText(null), want.path("company_name").asText(null));
  }

  private static boolean same(String a, String b) {
    return Objects.equals(norm(a), norm(b));
  }

  private static String norm(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }
}
