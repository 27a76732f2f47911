package dev.keapgw.client.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Campaigns: {@code /v2/campaigns}, their sequences, and putting contacts into or out of a sequence. */
public final class CampaignsApi {
  private final ResourceCalls<Campaign> calls;

  public CampaignsApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/campaigns", "campaigns", Campaign.class);
  }

  /** {@code GET /v2/campaigns}. */
  public Paged<Campaign> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Campaign> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/campaigns/{id}}. */
  public Campaign get(String id) {
    return calls.get(id);
  }

  /** {@code GET /v2/campaigns/{id}/sequences}: the campaign's sequences ({@code campaign_id} is in the page's extras). */
  public Paged<Sequence> sequences(String campaignId) {
    return calls
        .api()
        .list(calls.path(campaignId) + "/sequences", "sequences", ListQuery.all(), Sequence.class);
  }

  /**
   * {@code POST /v2/campaigns/{cid}/sequences/{sid}:addContacts}: each contact id maps to SUCCESS,
   * ALREADY_IN_SEQUENCE, CONTACT_DOES_NOT_EXIST or FAILED.
   */
  public Map<String, String> addToSequence(
      String campaignId, String sequenceId, Collection<String> contactIds) {
    return results(
        sequencePath(campaignId, sequenceId) + ":addContacts",
        contactIds,
        "add_to_sequence_results");
  }

  /** {@code POST /v2/campaigns/{cid}/sequences/{sid}:removeContacts}: each contact id maps to its outcome. */
  public Map<String, String> removeFromSequence(
      String campaignId, String sequenceId, Collection<String> contactIds) {
    return results(
        sequencePath(campaignId, sequenceId) + ":removeContacts",
        contactIds,
        "remove_from_sequence_results");
  }

  private String sequencePath(String campaignId, String sequenceId) {
    return calls.path(campaignId) + "/sequences/" + JsonApi.segment(sequenceId);
  }

  private Map<String, String> results(String path, Collection<String> contactIds, String key) {
    JsonNode answer =
        calls.api().post(path, Map.of("contact_ids", List.copyOf(contactIds)), JsonNode.class);
    Map<String, String> out = new LinkedHashMap<>();
    if (answer != null) {
      answer
          .path(key)
          .properties()
          .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
