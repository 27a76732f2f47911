package dev.keapgw.client.contacts;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;
import java.util.List;
import java.util.Map;

/** Contacts: {@code /v2/contacts}. */
public final class ContactsApi {
  private final ResourceCalls<Contact> calls;

  public ContactsApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/contacts", "contacts", Contact.class);
  }

  /** {@code GET /v2/contacts}: filter fields include email, given_name, family_name (prefix with startsWith), company_id. */
  public Paged<Contact> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Contact> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/contacts/{id}}. */
  public Contact get(String id) {
    return calls.get(id);
  }

  /** {@code GET /v2/contacts/{id}?fields=...}. */
  public Contact get(String id, List<String> fields) {
    return calls.get(id, fields);
  }

  /** {@code POST /v2/contacts}. */
  public Contact create(ContactInput input) {
    return calls.create(input);
  }

  /** {@code POST /v2/contacts?duplicate_option=...}: updates the contact that matches instead of adding one. */
  public Contact create(ContactInput input, DuplicateOption duplicates) {
    return calls
        .api()
        .post(
            "/v2/contacts",
            List.of(Map.entry("duplicate_option", duplicates.name())),
            input,
            Contact.class);
  }

  /** {@code PATCH /v2/contacts/{id}}: changes only the fields the input sets. */
  public Contact update(String id, ContactInput input) {
    return calls.update(id, input);
  }

  /** {@code DELETE /v2/contacts/{id}}. */
  public void delete(String id) {
    calls.delete(id);
  }
}
