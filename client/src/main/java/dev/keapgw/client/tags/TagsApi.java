package dev.keapgw.client.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.ResourceCalls;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags: {@code /v2/tags}, the contacts that carry one, and applying or removing one. */
public final class TagsApi {
  private final ResourceCalls<Tag> calls;

  public TagsApi(JsonApi api) {
    this.calls = new ResourceCalls<>(api, "/v2/tags", "tags", Tag.class);
  }

  /** {@code GET /v2/tags}. */
  public Paged<Tag> list(ListQuery query) {
    return calls.list(query);
  }

  public Paged<Tag> list() {
    return list(ListQuery.all());
  }

  /** {@code GET /v2/tags/{id}}. */
  public Tag get(String id) {
    return calls.get(id);
  }

  /** {@code POST /v2/tags}. */
  public Tag create(TagInput input) {
    return calls.create(input);
  }

  /** {@code PATCH /v2/tags/{id}}. */
  public Tag update(String id, TagInput input) {
    return calls.update(id, input);
  }

  /** {@code DELETE /v2/tags/{id}}. */
  public void delete(String id) {
    calls.delete(id);
  }

  /** {@code GET /v2/tags/{id}/contacts}: who carries the tag, and since when. */
  public Paged<TaggedContact> contacts(String tagId, ListQuery query) {
    return calls
        .api()
        .list(calls.path(tagId) + "/contacts", "contacts", query, TaggedContact.class);
  }

  public Paged<TaggedContact> contacts(String tagId) {
    return contacts(tagId, ListQuery.all());
  }

  /**
   * {@code POST /v2/tags/{id}/contacts:applyTags}. Keap answers 200 even when some contacts
   * failed: the result maps each contact id to its outcome.
   */
  public Map<String, String> apply(String tagId, Collection<String> contactIds) {
    JsonNode answer = calls
        .api()
        .post(calls.path(tagId) + "/contacts:applyTags", body(contactIds), JsonNode.class);
    Map<String, String> results = new LinkedHashMap<>();
    if (answer != null) {
      answer
          .path("results")
          .properties()
          .forEach(e -> results.put(e.getKey(), e.getValue().asText()));
    }
    return results;
  }

  /** {@code POST /v2/tags/{id}/contacts:removeTags} (204). */
  public void remove(String tagId, Collection<String> contactIds) {
    calls.api().post(calls.path(tagId) + "/contacts:removeTags", body(contactIds), Void.class);
  }

  private static Map<String, List<String>> body(Collection<String> contactIds) {
    return Map.of("contact_ids", List.copyOf(contactIds));
  }
}
