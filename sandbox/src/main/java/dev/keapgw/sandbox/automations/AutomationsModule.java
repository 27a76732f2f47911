package dev.keapgw.sandbox.automations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.list.Filter;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keap automations, read-only: the list (at most 25 a page, with {@code automation_count},
 * the number of automations that match the filter across all pages) and one automation.
 */
public final class AutomationsModule implements KeapModule {
  static final String TABLE = "automations";
  private static final ResourceTable AUTOMATIONS = new ResourceTable(TABLE, "automation");

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.of(TABLE));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    routing
        .api()
        .get("/automations", r -> KeapResponse.json(200, list(ctx, r)))
        .get(
            "/automations/{automation_id}",
            r -> KeapResponse.json(200, AUTOMATIONS.get(ctx, r, "automation_id")));
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    AutomationSeed.seed(tenant, plan, ctx.world().clock().instant());
  }

  private static ObjectNode list(SandboxContext ctx, KeapRequest r) {
    Table table = AUTOMATIONS.of(ctx, r);
    ObjectNode out =
        ctx.lister().list(r, AutomationViews.LIST, Lister.Source.all(table), row -> row);
    Filter filter = Filter.parse(
        r.param("filter"), AutomationViews.LIST.filters(), AutomationViews.LIST.domain());
    int count = 0;
    for (Iterator<Map.Entry<Long, byte[]>> it = table.scan(null, true); it.hasNext(); ) {
      if (filter.matches(Json.parseTrusted(it.next().getValue()), AutomationViews.LIST.filters())) {
        count++;
      }
    }
    out.put("automation_count", count);
    return out;
  }
}
