package dev.keapgw.sandbox.subscriptions;

import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Random;

/**
 * Keap subscriptions (a contact billed for a product on a plan's cycle), read-only: listed and
 * fetched by id. Creating, changing, deactivating and invoicing them is not emulated, and no
 * billing runs as time passes.
 */
public final class SubscriptionsModule implements KeapModule {
  public static final String TABLE = "subscriptions";
  static final String DOMAIN = "subscription";

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.of(TABLE));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    new ResourceTable(TABLE, DOMAIN)
        .listAndGet(
            routing.api(),
            ctx,
            "/subscriptions",
            "subscription_id",
            SubscriptionViews.LIST,
            row -> row);
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    SubscriptionSeed.seed(
        tenant, new Random(plan.randomSeed() * 31 + 17), ctx.world().clock().instant());
  }
}
