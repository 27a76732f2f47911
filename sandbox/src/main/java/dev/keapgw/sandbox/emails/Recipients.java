package dev.keapgw.sandbox.emails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Map;
import java.util.Optional;

/**
 * Email addresses of the people an email goes between: a contact's address (from the
 * {@code contacts} table when a module declares it) and a sending user's address.
 */
final class Recipients {
  static final String CONTACTS = "contacts";
  static final String USERS = "users";

  private static final Map<String, String> SLOTS =
      Map.of("Email", "EMAIL1", "EmailAddress2", "EMAIL2", "EmailAddress3", "EMAIL3");

  private Recipients() {}

  static Optional<ObjectNode> contact(Tenant tenant, String contactId) {
    return References.row(tenant, CONTACTS, contactId);
  }

  /**
   * The address an email to this contact goes to: the slot {@code addressField} names, or by
   * default the primary address (EMAIL1, else the first one). Custom-field slots cannot be
   * resolved in the sandbox and give no address.
   */
  static Optional<String> address(ObjectNode contact, String addressField) {
    JsonNode emails = contact.path("email_addresses");
    if (addressField != null && !SLOTS.containsKey(addressField)) {
      return Optional.empty();
    }
    String slot = addressField == null ? "EMAIL1" : SLOTS.get(addressField);
    for (JsonNode e : emails) {
      if (slot.equals(e.path("field").asText()) && !e.path("email").asText("").isEmpty()) {
        return Optional.of(e.path("email").asText());
      }
    }
    if (addressField == null
        && emails.size() > 0
        && !emails.get(0).path("email").asText("").isEmpty()) {
      return Optional.of(emails.get(0).path("email").asText());
    }
    return Optional.empty();
  }

  /** The sending user's address; an unknown user answers 400 naming {@code user_id}. */
  static String userAddress(Tenant tenant, String userId) {
    return References.row(tenant, USERS, userId)
        .map(u -> u.path("email_addresses").path(0).path("email").asText(""))
        .orElseThrow(
            () -> ApiException.invalidField("email", "user_id", "No user with id " + userId));
  }
}
