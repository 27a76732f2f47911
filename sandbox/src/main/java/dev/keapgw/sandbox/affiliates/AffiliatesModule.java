package dev.keapgw.sandbox.affiliates;

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
    routing.api()
        .get("/affiliates", r -> KeapResponse.json(200,
            ctx.lister().list(r, AffiliateViews.LIST, Lister.Source.all(table(ctx, r.tenantId())), row -> row)))
        .get("/affiliates/{id}", r -> {
          String id = r.pathParam("id");
          return KeapResponse.json(200,
              table(ctx, r.tenantId()).get(id).orElseThrow(() -> ApiException.notFound(DOMAIN, id)));
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    AffiliateSeed.seed(tenant, new Random(plan.randomSeed() * 31 + 13), ctx.world().clock().instant());
  }

  private static Table table(SandboxContext ctx, String tenantId) {
    return ctx.world().tenant(tenantId).table(TABLE);
  }
}
