package dev.keapgw.sandbox.companies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.UpdateMask;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Map;

/**
 * Keap companies: list, create, get, PATCH and delete under {@code /companies}.
 *
 * <p>Contracts: nothing is required on create (201). GET and list leave out {@code notes},
 * {@code fax_number}, {@code address}, {@code email_address}, {@code phone_number},
 * {@code update_time}, {@code create_time} and {@code custom_fields} unless {@code fields}
 * names them; {@code fields} adds to the default set and an unknown name answers 400. Create
 * and PATCH have no {@code fields} parameter and answer the whole company. PATCH takes an
 * {@code update_mask}. Unknown ids answer 404; delete answers 204.
 */
public final class CompaniesModule implements KeapModule {
  public static final String TABLE = "companies";
  private static final ResourceTable COMPANIES = new ResourceTable(TABLE, "company");

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.indexed(TABLE, "email", CompanyViews::emails));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    routing
        .api()
        .get(
            "/companies",
            r -> KeapResponse.json(
                200,
                ctx.lister()
                    .list(
                        r,
                        CompanyViews.LIST,
                        Lister.Source.all(COMPANIES.of(ctx, r)),
                        CompanyViews.FIELDS.viewFor(r))))
        .post("/companies", r -> KeapResponse.json(201, create(ctx, r)))
        .get(
            "/companies/{company_id}",
            r -> KeapResponse.json(
                200, CompanyViews.FIELDS.viewFor(r).apply(COMPANIES.get(ctx, r, "company_id"))))
        .patch("/companies/{company_id}", r -> KeapResponse.json(200, update(ctx, r)))
        .delete("/companies/{company_id}", r -> COMPANIES.delete(ctx, r, "company_id"));
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    CompanySeed.seed(tenant, plan, ctx.world().clock());
  }

  private static ObjectNode create(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    BodyReader body = new BodyReader(r.jsonBody(), "company")
        .allowOnly(CompanyInput.WRITABLE, CompanyInput.READ_ONLY, Map.of());
    ObjectNode row = Json.object();
    CompanyInput.apply(row, body, tenant);
    String now = ctx.world().now();
    row.put("create_time", now);
    row.put("update_time", now);
    row.put("created_by", r.caller().userId());
    row.put("last_updated_by", r.caller().userId());
    if (!row.has("custom_fields")) {
      row.putArray("custom_fields");
    }
    return tenant.write(() -> tenant.table(TABLE).insert(row, CompanyViews::canonical));
  }

  private static ObjectNode update(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    ObjectNode raw = r.jsonBody();
    new BodyReader(raw, "company")
        .allowOnly(CompanyInput.WRITABLE, CompanyInput.READ_ONLY, Map.of());
    UpdateMask mask = UpdateMask.of(r, CompanyInput.MASKABLE, "company");
    BodyReader body = new BodyReader(mask.filter(raw), "company");
    return tenant.write(() -> {
      ObjectNode row = COMPANIES.get(ctx, r, "company_id");
      CompanyInput.apply(row, body, tenant);
      row.put("update_time", ctx.world().now());
      row.put("last_updated_by", r.caller().userId());
      ObjectNode stored = CompanyViews.canonical(row);
      tenant.table(TABLE).replace(stored);
      return stored;
    });
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }
}
