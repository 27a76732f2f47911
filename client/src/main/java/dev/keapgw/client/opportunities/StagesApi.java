package dev.keapgw.client.opportunities;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** The stages of the sales pipeline: {@code /v2/opportunities/stages}. */
public final class StagesApi {
  private final JsonApi api;

  public StagesApi(JsonApi api) {
    this.api = api;
  }

  /** {@code GET /v2/opportunities/stages}. */
  public Paged<Stage> list(ListQuery query) {
    return api.list("/v2/opportunities/stages", "stages", query, Stage.class);
  }

  public Paged<Stage> list() {
    return list(ListQuery.all());
  }
}
