package dev.keapgw.sandbox.products;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Random;

/**
 * Keap products: the catalogue that order items and subscriptions refer to. A product's
 * {@code price} is stored and answered as a {@code CurrencyValue}; its subscription plans are
 * seeded only (Keap's plan operations are not emulated).
 */
public final class ProductsModule implements KeapModule {
  public static final String TABLE = "products";
  static final String DOMAIN = "product";

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.of(TABLE));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    ResourceTable products = new ResourceTable(TABLE, DOMAIN);
    products
        .listAndGet(
            routing.api(),
            ctx,
            "/products",
            "product_id",
            ProductViews.LIST,
            ProductViews::listItem)
        .post("/products", r -> {
          ObjectNode product = ProductRequest.create(r.jsonBody(), ctx.world().now());
          products.of(ctx, r).insert(product);
          return KeapResponse.json(201, product);
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    ProductSeed.seed(
        tenant.table(TABLE),
        new Random(plan.randomSeed() * 31 + 7),
        ctx.world().clock().instant());
  }
}
