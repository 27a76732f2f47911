package dev.keapgw.sandbox.campaigns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;
import java.util.Map;

/**
 * Keap campaigns and their sequences, and adding contacts to a sequence or taking them out.
 *
 * <p>Campaigns are read-only here, as in the seed operations. A sequence row is Keap's
 * {@code Sequence} plus the {@code campaign_id} it belongs to (left out when shown). Members
 * are rows of {@code sequence_contacts}; the add and remove calls answer 200 with one outcome
 * per contact id, and a deleted contact leaves every sequence (through
 * {@link dev.keapgw.sandbox.store.Hooks#onContactDeleted}). Contacts are looked up in the
 * {@code contacts} table when some module declares it; without it no contact exists.
 */
public final class CampaignsModule implements KeapModule {
  static final String CAMPAIGNS = "campaigns";
  static final String SEQUENCES = "sequences";
  static final String MEMBERS = "sequence_contacts";
  private static final ResourceTable CAMPAIGN_ROWS = new ResourceTable(CAMPAIGNS, "campaign");

  @Override
  public List<TableSpec> tables() {
    return List.of(
        TableSpec.of(CAMPAIGNS),
        TableSpec.indexed(
            SEQUENCES, "campaign_id", row -> List.of(row.path("campaign_id").asText(""))),
        new TableSpec(
            MEMBERS,
            Map.of(
                "sequence_id", row -> List.of(row.path("sequence_id").asText("")),
                "contact_id", row -> List.of(row.path("contact_id").asText("")))));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    ctx.hooks().onContactDeleted(SequenceMembership::contactDeleted);
    CAMPAIGN_ROWS
        .listAndGet(routing.api(), ctx, "/campaigns", "campaign_id", CampaignViews.LIST, row -> row)
        .get("/campaigns/{campaign_id}/sequences", r -> KeapResponse.json(200, sequences(ctx, r)))
        .post("/campaigns/{campaign_id}/sequences/{sequence_id}:addContacts", r -> {
          Tenant t = tenant(ctx, r);
          ObjectNode seq = sequence(t, r);
          List<String> ids = ContactIds.parse(r.jsonBody());
          return results(
              "add_to_sequence_results",
              SequenceMembership.add(t, seq, ids, ctx.world().now()));
        })
        .post("/campaigns/{campaign_id}/sequences/{sequence_id}:removeContacts", r -> {
          Tenant t = tenant(ctx, r);
          ObjectNode seq = sequence(t, r);
          List<String> ids = ContactIds.parse(r.jsonBody());
          return results("remove_from_sequence_results", SequenceMembership.remove(t, seq, ids));
        });
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    CampaignSeed.seed(tenant, plan, ctx.world().clock().instant());
  }

  private static ObjectNode sequences(SandboxContext ctx, KeapRequest r) {
    Tenant t = tenant(ctx, r);
    ObjectNode campaign = campaign(t, r);
    String campaignId = campaign.path("id").asText();
    Table sequences = t.table(SEQUENCES);
    Table members = t.table(MEMBERS);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("sequences");
    for (Long id : sequences.lookup("campaign_id", campaignId)) {
      sequences
          .get(id)
          .ifPresent(s ->
              items.add(CampaignViews.sequence(s, members, ctx.world().clock().instant())));
    }
    // The operation takes no paging parameters: every sequence comes on one page.
    out.put("next_page_token", "");
    out.put("campaign_id", campaignId);
    return out;
  }

  private static ObjectNode campaign(Tenant t, KeapRequest r) {
    return CAMPAIGN_ROWS.get(t.table(CAMPAIGNS), r.pathParam("campaign_id"));
  }

  /** The sequence of the path, which must belong to the path's campaign. */
  private static ObjectNode sequence(Tenant t, KeapRequest r) {
    String campaignId = campaign(t, r).path("id").asText();
    String id = r.pathParam("sequence_id");
    return t.table(SEQUENCES)
        .get(id)
        .filter(s -> s.path("campaign_id").asText().equals(campaignId))
        .orElseThrow(() -> ApiException.notFound("sequence", id));
  }

  private static KeapResponse results(
      String key, Map<String, SequenceMembership.Outcome> outcomes) {
    ObjectNode out = Json.object();
    ObjectNode map = out.putObject(key);
    outcomes.forEach((id, o) -> map.put(id, o.name()));
    return KeapResponse.json(200, out);
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }
}
