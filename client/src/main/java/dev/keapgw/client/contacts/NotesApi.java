package dev.keapgw.client.contacts;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Notes of a contact: {@code /v2/contacts/{id}/notes}. */
public final class NotesApi {
  private final JsonApi api;

  public NotesApi(JsonApi api) {
    this.api = api;
  }

  /** {@code GET /v2/contacts/{id}/notes}. */
  public Paged<Note> list(String contactId, ListQuery query) {
    return api.list(path(contactId), "notes", query, Note.class);
  }

  public Paged<Note> list(String contactId) {
    return list(contactId, ListQuery.all());
  }

  /** {@code POST /v2/contacts/{id}/notes}. */
  public Note create(String contactId, NoteInput input) {
    return api.post(path(contactId), input, Note.class);
  }

  private static String path(String contactId) {
    return "/v2/contacts/" + JsonApi.segment(contactId) + "/notes";
  }
}
