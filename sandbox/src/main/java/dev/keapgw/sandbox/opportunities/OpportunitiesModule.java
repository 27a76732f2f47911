package dev.keapgw.sandbox.opportunities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.input.UpdateMask;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.function.Function;

/**
 * Keap opportunities (list, create, get, PATCH, delete under {@code /opportunities}) and the
 * read-only list of pipeline stages ({@code GET /opportunities/stages}).
 *
 * <p>Contracts: create requires {@code opportunity_title}, {@code contact_id} and
 * {@code stage_id} (201); an unknown stage or user answers 400 naming the field, and so does
 * an unknown contact where this build has the contacts module to check it against. Answers
 * carry {@code contact}, {@code stage} (with its details from the stage row) and
 * {@code user} objects; {@code custom_fields}, {@code created_by}, {@code last_updated_by},
 * {@code status_id} and the legacy fields come only when {@code fields} names them. PATCH
 * takes an {@code update_mask}; moving to another stage restarts {@code stage_entrance_time}.
 * Deleting a contact deletes its opportunities. REST hook events: {@code opportunity.add},
 * {@code opportunity.edit} (and {@code opportunity.stage_move} when the stage changed),
 * {@code opportunity.delete}.
 */
public final class OpportunitiesModule implements KeapModule {
  public static final String TABLE = "opportunities";
  public static final String STAGES = "stages";
  private static final ResourceTable OPPORTUNITIES = new ResourceTable(TABLE, "opportunity");

  @Override
  public List<TableSpec> tables() {
    return List.of(
        TableSpec.indexed(TABLE, "contact_id", OpportunityViews::contactKeys),
        TableSpec.of(STAGES));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    ctx.hooks()
        .onContactDeleted((tenant, contactId) ->
            tenant.table(TABLE).removeAll("contact_id", Long.toString(contactId)));
    routing
        .api()
        .get("/opportunities", r -> KeapResponse.json(200, list(ctx, r)))
        .post("/opportunities", r -> {
          ObjectNode created = create(ctx, r);
          ctx.events()
              .changed(tenant(ctx, r), "opportunity.add", created.path("id").asLong());
          return KeapResponse.json(201, view(ctx, r).apply(created));
        })
        .get(
            "/opportunities/stages",
            r -> KeapResponse.json(
                200,
                ctx.lister()
                    .list(
                        r,
                        StageViews.LIST,
                        Lister.Source.all(tenant(ctx, r).table(STAGES)),
                        row -> row)))
        .get(
            "/opportunities/{opportunity_id}",
            r -> KeapResponse.json(
                200, view(ctx, r).apply(OPPORTUNITIES.get(ctx, r, "opportunity_id"))))
        .patch(
            "/opportunities/{opportunity_id}",
            r -> KeapResponse.json(200, view(ctx, r).apply(update(ctx, r))))
        .delete("/opportunities/{opportunity_id}", r -> {
          KeapResponse gone = OPPORTUNITIES.delete(ctx, r, "opportunity_id");
          ctx.events()
              .changed(
                  tenant(ctx, r),
                  "opportunity.delete",
                  Long.parseLong(r.pathParam("opportunity_id")));
          return gone;
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    PipelineSeed.seed(tenant, plan, ctx.world().clock());
  }

  private static ObjectNode list(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    ListSpec spec = OpportunityViews.list(new OpportunityLinks(tenant));
    OpportunityViews.checkFilter(r, spec);
    return ctx.lister().list(r, spec, Lister.Source.all(tenant.table(TABLE)), view(ctx, r));
  }

  /** Reads the linked rows afresh, then keeps the fields this request asks for. */
  private static Function<ObjectNode, JsonNode> view(SandboxContext ctx, KeapRequest r) {
    OpportunityLinks links = new OpportunityLinks(tenant(ctx, r));
    Function<ObjectNode, JsonNode> fields = OpportunityViews.FIELDS.viewFor(r);
    return row -> fields.apply(links.refresh(row));
  }

  private static ObjectNode create(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    BodyReader body = new BodyReader(r.jsonBody(), "opportunity")
        .allowOnly(OpportunityInput.WRITABLE, OpportunityInput.READ_ONLY, OpportunityInput.HINTS);
    for (String f : List.of("opportunity_title", "contact_id", "stage_id")) {
      if (!body.has(f)) {
        throw body.invalid(f, f + " is required");
      }
    }
    String now = ctx.world().now();
    String user = r.caller().userId();
    return tenant.write(() -> {
      ObjectNode row = Json.object();
      row.put("include_in_forecast", false);
      row.put("projected_revenue_low", 0.0);
      row.put("projected_revenue_high", 0.0);
      row.putArray("custom_fields");
      OpportunityInput.apply(row, body, new OpportunityLinks(tenant), now);
      row.put("created_time", now);
      row.put("last_updated_time", now);
      row.put("monthly_revenue", 0.0);
      row.put("order_revenue", 0.0);
      row.put("created_by", user);
      row.put("last_updated_by", user);
      return tenant.table(TABLE).insert(row, OpportunityViews::canonical);
    });
  }

  private static ObjectNode update(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    ObjectNode raw = r.jsonBody();
    new BodyReader(raw, "opportunity")
        .allowOnly(OpportunityInput.WRITABLE, OpportunityInput.READ_ONLY, OpportunityInput.HINTS);
    UpdateMask mask = UpdateMask.of(r, OpportunityInput.MASKABLE, "opportunity");
    BodyReader body = new BodyReader(mask.filter(raw), "opportunity");
    String now = ctx.world().now();
    return tenant.write(() -> {
      ObjectNode row = OPPORTUNITIES.get(ctx, r, "opportunity_id");
      String stageBefore = row.path("stage").path("id").asText();
      OpportunityInput.apply(row, body, new OpportunityLinks(tenant), now);
      row.put("last_updated_time", now);
      row.put("last_updated_by", r.caller().userId());
      ObjectNode stored = OpportunityViews.canonical(row);
      tenant.table(TABLE).replace(stored);
      long id = stored.path("id").asLong();
      ctx.events().changed(tenant, "opportunity.edit", id);
      if (!stageBefore.equals(stored.path("stage").path("id").asText())) {
        ctx.events().changed(tenant, "opportunity.stage_move", id);
      }
      return stored;
    });
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }
}
