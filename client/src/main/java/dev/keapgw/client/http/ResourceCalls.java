package dev.keapgw.client.http;

import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Paged;
import java.util.List;
import java.util.Map;

/**
 * The usual operations of one Keap collection ({@code /v2/contacts} and
 * {@code /v2/contacts/{id}}): the typed resource APIs delegate to it.
 *
 * @param <T> the resource's record
 */
public final class ResourceCalls<T> {
  private final JsonApi api;
  private final String path;
  private final String itemsKey;
  private final Class<T> type;

  /**
   * @param path the collection, e.g. {@code /v2/contacts}
   * @param itemsKey the array of a list answer, e.g. {@code contacts}
   */
  public ResourceCalls(JsonApi api, String path, String itemsKey, Class<T> type) {
    this.api = api;
    this.path = path;
    this.itemsKey = itemsKey;
    this.type = type;
  }

  public Paged<T> list(ListQuery query) {
    return api.list(path, itemsKey, query, type);
  }

  public T get(String id) {
    return api.get(path(id), type);
  }

  /** GET by id with Keap's {@code fields} (extra fields to include). */
  public T get(String id, List<String> fields) {
    List<Map.Entry<String, String>> params =
        fields.isEmpty() ? List.of() : List.of(Map.entry("fields", String.join(",", fields)));
    return api.get(path(id), params, type);
  }

  public T create(Object body) {
    return api.post(path, body, type);
  }

  public T update(String id, Object body) {
    return api.patch(path(id), body, type);
  }

  public void delete(String id) {
    api.delete(path(id));
  }

  /** The path of one item. */
  public String path(String id) {
    return path + "/" + JsonApi.segment(id);
  }

  public JsonApi api() {
    return api;
  }
}
