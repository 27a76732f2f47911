package dev.keapgw.client.products;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Products: {@code /v2/products}. */
public final class ProductsApi {
  private final ResourceCalls<Product> calls;

  public ProductsApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/products", "products", Product.class);
  }

  /** {@code GET /v2/products}. */
  public Paged<Product> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Product> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/products/{id}}. */
  public Product get(String id) {
    return calls.get(id);
  }

  /** {@code POST /v2/products}. */
  public Product create(ProductInput input) {
    return calls.create(input);
  }
}
