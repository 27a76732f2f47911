package dev.keapgw.client.automations;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Automations: {@code /v2/automations} (pages of at most 25; the list answer counts them all in {@code automation_count}, see {@link dev.keapgw.client.list.Page#extras()}). */
public final class AutomationsApi {
  private final ResourceCalls<Automation> calls;

  public AutomationsApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/automations", "automations", Automation.class);
  }

  /** {@code GET /v2/automations}. */
  public Paged<Automation> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Automation> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/automations/{id}}. */
  public Automation get(String id) {
    return calls.get(id);
  }
}
