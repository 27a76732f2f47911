package dev.keapgw.client.affiliates;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Affiliates: {@code /v2/affiliates}. */
public final class AffiliatesApi {
  private final ResourceCalls<Affiliate> calls;

  public AffiliatesApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/affiliates", "affiliates", Affiliate.class);
  }

  /** {@code GET /v2/affiliates}. */
  public Paged<Affiliate> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Affiliate> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/affiliates/{id}}. */
  public Affiliate get(String id) {
    return calls.get(id);
  }
}
