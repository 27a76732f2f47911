package dev.keapgw.client.opportunities;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Opportunities: {@code /v2/opportunities}; the pipeline's stages are {@link StagesApi}. */
public final class OpportunitiesApi {
  private final ResourceCalls<Opportunity> calls;

  public OpportunitiesApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/opportunities", "opportunities", Opportunity.class);
  }

  /** {@code GET /v2/opportunities}. */
  public Paged<Opportunity> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Opportunity> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/opportunities/{id}}. */
  public Opportunity get(String id) {
    return calls.get(id);
  }

  /** {@code POST /v2/opportunities}. */
  public Opportunity create(OpportunityInput input) {
    return calls.create(input);
  }

  /** {@code PATCH /v2/opportunities/{id}}: changes only the fields the input sets. */
  public Opportunity update(String id, OpportunityInput input) {
    return calls.update(id, input);
  }

  /** {@code DELETE /v2/opportunities/{id}}. */
  public void delete(String id) {
    calls.delete(id);
  }
}
