package dev.keapgw.client.list;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One page of a list as Keap answered it.
 *
 * @param items the page's items
 * @param nextPageToken the token of the next page; empty (or null) on the last page
 * @param extras the answer's other top-level fields, e.g. {@code automation_count} or {@code campaign_id}
 */
public record Page<T>(List<T> items, String nextPageToken, Map<String, JsonNode> extras) {
  public Page {
    items = List.copyOf(items);
    extras = Map.copyOf(extras);
  }

  public boolean isLast() {
    return nextPageToken == null || nextPageToken.isEmpty();
  }
}
