package dev.keapgw.sandbox.affiliates;

import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Random;

/**
 * Keap affiliates (partners credited for leads and sales), read-only: listed and fetched by
 * id. Orders and subscriptions refer to them by id; their write operations, commissions and
 * custom-field filters are not emulated.
 */
public final class AffiliatesModule implements KeapModule {
  public static final String TABLE = "affiliates";
  static final String DOMAIN = "affiliate";

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.of(TABLE));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    new ResourceTable(TABLE, DOMAIN)
        .listAndGet(routing.api(), ctx, "/affiliates", "id", AffiliateViews.LIST, row -> row);
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    AffiliateSeed.seed(
        tenant, new Random(plan.randomSeed() * 31 + 13), ctx.world().clock().instant());
  }
}
