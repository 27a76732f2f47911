package dev.keapgw.sandbox.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Random;

/**
 * Keap orders (one-time sales to a contact) and their items. Totals are computed from the
 * items; payments, invoices and the order item operations beyond create are not emulated.
 * REST hook events: {@code order.add} and {@code invoice.add} for a new order (Keap keeps an
 * order as an invoice, and {@code invoice_id} equals the order id), {@code order.edit} and
 * {@code invoice.edit} when an item is added.
 */
public final class OrdersModule implements KeapModule {
  public static final String TABLE = "orders";
  /** Item id to order id, so item ids stay unique across orders and can be found later. */
  static final String ITEMS_TABLE = "order_items";

  static final String DOMAIN = "order";

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.of(TABLE), TableSpec.of(ITEMS_TABLE));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    routing
        .api()
        .get("/orders", r -> {
          Tenant t = ctx.world().tenant(r.tenantId());
          return KeapResponse.json(
              200,
              ctx.lister()
                  .list(r, OrderViews.LIST, Lister.Source.all(t.table(TABLE)), OrderViews.view(t)));
        })
        .post("/orders", r -> {
          Tenant t = ctx.world().tenant(r.tenantId());
          ObjectNode order = OrderWrites.create(t, r.jsonBody(), ctx.world().now(), "API");
          long id = order.path("id").asLong();
          ctx.events().changed(t, "order.add", id);
          ctx.events().changed(t, "invoice.add", id);
          return KeapResponse.json(201, OrderViews.view(t).apply(order));
        })
        .get("/orders/{order_id}", r -> {
          Tenant t = ctx.world().tenant(r.tenantId());
          String id = r.pathParam("order_id");
          ObjectNode order =
              t.table(TABLE).get(id).orElseThrow(() -> ApiException.notFound(DOMAIN, id));
          return KeapResponse.json(200, OrderViews.view(t).apply(order));
        })
        .post("/orders/{order_id}/items", r -> {
          Tenant t = ctx.world().tenant(r.tenantId());
          ObjectNode item =
              OrderWrites.addItem(t, r.pathParam("order_id"), r, ctx.world().now());
          long id = Long.parseLong(r.pathParam("order_id"));
          ctx.events().changed(t, "order.edit", id);
          ctx.events().changed(t, "invoice.edit", id);
          return KeapResponse.json(201, item);
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    OrderSeed.seed(
        tenant, new Random(plan.randomSeed() * 31 + 11), ctx.world().clock().instant());
  }
}
