package dev.keapgw.client.emails;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Emails sent to contacts: {@code /v2/emails}, and sending one. */
public final class EmailsApi {
  private final ResourceCalls<Email> calls;

  public EmailsApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/emails", "emails", Email.class);
  }

  /** {@code GET /v2/emails}. */
  public Paged<Email> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Email> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/emails/{id}}. */
  public Email get(String id) {
    return calls.get(id);
  }

  /** {@code POST /v2/emails:send}: queues the email (Keap answers 202 with no body). */
  public void send(EmailSend email) {
    calls.api().post("/v2/emails:send", email, Void.class);
  }
}
