package dev.keapgw.client.subscriptions;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Subscriptions: {@code /v2/subscriptions}. */
public final class SubscriptionsApi {
  private final ResourceCalls<Subscription> calls;

  public SubscriptionsApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/subscriptions", "subscriptions", Subscription.class);
  }

  /** {@code GET /v2/subscriptions}. */
  public Paged<Subscription> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Subscription> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/subscriptions/{id}}. */
  public Subscription get(String id) {
    return calls.get(id);
  }
}
