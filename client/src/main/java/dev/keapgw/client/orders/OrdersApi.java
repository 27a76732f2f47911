package dev.keapgw.client.orders;

import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;

/** Orders: {@code /v2/orders}, and adding lines to one. */
public final class OrdersApi {
  private final ResourceCalls<Order> calls;

  public OrdersApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/orders", "orders", Order.class);
  }

  /** {@code GET /v2/orders}. */
  public Paged<Order> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Order> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/orders/{id}}. */
  public Order get(String id) {
    return calls.get(id);
  }

  /** {@code POST /v2/orders}. */
  public Order create(OrderInput input) {
    return calls.create(input);
  }

  /** {@code POST /v2/orders/{id}/items}: adds a line to the order. */
  public OrderItem addItem(String orderId, OrderItemInput input) {
    return calls.api().post(calls.path(orderId) + "/items", input, OrderItem.class);
  }
}
