package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Seed operations on products, orders, subscriptions and affiliates: how each is exercised. */
final class CommerceOperations {
  private CommerceOperations() {}

  static List<SeedCall> all() {
    return List.of(
        new SeedCall(
            "GET",
            "/rest/v2/products",
            d -> d.get("/products?page_size=10&order_by=name%20asc")
                .then(body -> assertThat(body.path("products")).isNotEmpty())),
        new SeedCall(
            "POST",
            "/rest/v2/products",
            d -> d.post("/products", """
            {"name": "%s", "price": 4999, "short_description": "Twelve months of coaching calls",
             "description": "One call a month with a senior coach.", "sku": "COACH-12",
             "active": true, "shippable": false, "taxable": true}""".formatted(SeedData.unique("Coaching plan")))
                .then(body -> assertThat(body.at("/price/amount").asLong()).isEqualTo(4999))),
        new SeedCall("GET", "/rest/v2/products/{product_id}", d -> {
          String id = d.product();
          return d.get("/products/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall(
            "GET",
            "/rest/v2/orders",
            d -> d.get("/orders?page_size=10&order_by=order_time%20desc")),
        new SeedCall(
            "POST",
            "/rest/v2/orders",
            d -> d.post("/orders", newOrder(d, "Starter kit"))
                .then(body -> assertThat(body.at("/contact/id").asText()).isNotEmpty())),
        new SeedCall("GET", "/rest/v2/orders/{order_id}", d -> {
          String id = d.order();
          return d.get("/orders/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall("POST", "/rest/v2/orders/{order_id}/items", d -> {
          String product = d.product();
          return d.post(
                  "/orders/" + d.create("/orders", newOrder(d, "Add-on order")) + "/items",
                  """
              {"product_id": "%s", "quantity": 2, "description": "Two seats"}""".formatted(product))
              .then(body -> assertThat(body.path("quantity").asInt()).isEqualTo(2));
        }),
        new SeedCall("GET", "/rest/v2/subscriptions", d -> d.get("/subscriptions?page_size=10")),
        new SeedCall("GET", "/rest/v2/subscriptions/{subscription_id}", d -> {
          String id = d.subscription();
          return d.get("/subscriptions/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }),
        new SeedCall("GET", "/rest/v2/affiliates", d -> d.get("/affiliates?page_size=10")),
        new SeedCall("GET", "/rest/v2/affiliates/{id}", d -> {
          String id = d.affiliate();
          return d.get("/affiliates/" + id)
              .then(body -> assertThat(body.path("id").asText()).isEqualTo(id));
        }));
  }

  private static String newOrder(SeedData d, String title) {
    return """
        {"contact_id": "%s", "order_title": "%s", "order_time": "2026-11-20T09:30:00Z",
         "order_type": "OFFLINE", "notes": "Taken over the phone"}""".formatted(d.contact(), title);
  }
}
