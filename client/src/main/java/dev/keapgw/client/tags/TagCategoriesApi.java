package dev.keapgw.client.tags;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Tag categories: {@code /v2/tags/categories}. */
public final class TagCategoriesApi {
  private static final String PATH = "/v2/tags/categories";
  private final JsonApi api;

  public TagCategoriesApi(JsonApi api) {
    this.api = api;
  }

  /** {@code GET /v2/tags/categories}. */
  public Paged<TagCategory> list(ListQuery query) {
    return api.list(PATH, "tag_categories", query, TagCategory.class);
  }

  public Paged<TagCategory> list() {
    return list(ListQuery.all());
  }

  /** {@code POST /v2/tags/categories}. */
  public TagCategory create(TagCategoryInput input) {
    return api.post(PATH, input, TagCategory.class);
  }
}
