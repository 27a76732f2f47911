package dev.keapgw.sandbox.subscriptions;

import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.store.Table;
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
    routing.api()
        .get("/subscriptions", r -> KeapResponse.json(200,
            ctx.lister().list(r, SubscriptionViews.LIST, Lister.Source.all(table(ctx, r.tenantId())), row -> row)))
        .get("/subscriptions/{subscription_id}", r -> {
          String id = r.pathParam("subscription_id");
          return KeapResponse.json(200,
              table(ctx, r.tenantId()).get(id).orElseThrow(() -> ApiException.notFound(DOMAIN, id)));
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    SubscriptionSeed.seed(tenant, new Random(plan.randomSeed() * 31 + 17), ctx.world().clock().instant());
  }

  private static Table table(SandboxContext ctx, String tenantId) {
    return ctx.world().tenant(tenantId).table(TABLE);
  }
}
