package dev.keapgw.client.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to ask a list for: a filter, an order, the fields to include, a page size, and any other
 * query parameter. Immutable; each method returns a new query.
 * {@code ListQuery.all().filter(Filter.where("email").eq("a@b.c")).pageSize(100)}.
 *
 * @param filter Keap's {@code filter}, or null
 * @param orderBy Keap's {@code order_by}, or null
 * @param fields Keap's {@code fields} (sent comma-separated), empty for the default fields
 * @param pageSize items per page, or null for Keap's default
 * @param params other query parameters, in order
 */
public record ListQuery(
    Filter filter,
    OrderBy orderBy,
    List<String> fields,
    Integer pageSize,
    List<Map.Entry<String, String>> params) {

  public ListQuery {
    fields = fields == null ? List.of() : List.copyOf(fields);
    params = params == null ? List.of() : List.copyOf(params);
    if (pageSize != null && pageSize < 0) {
      throw new IllegalArgumentException("page size must not be negative");
    }
  }

  /** No filter, default order, fields and page size. */
  public static ListQuery all() {
    return new ListQuery(null, null, List.of(), null, List.of());
  }

  public ListQuery filter(Filter f) {
    return new ListQuery(f, orderBy, fields, pageSize, params);
  }

  /** A filter written in Keap's grammar, e.g. {@code "email==a@b.c;given_name==Jo*"}. */
  public ListQuery filter(String expression) {
    return filter(expression == null || expression.isBlank() ? null : Filter.raw(expression));
  }

  public ListQuery orderBy(OrderBy o) {
    return new ListQuery(filter, o, fields, pageSize, params);
  }

  public ListQuery fields(String... names) {
    return new ListQuery(filter, orderBy, List.of(names), pageSize, params);
  }

  public ListQuery fields(List<String> names) {
    return new ListQuery(filter, orderBy, names, pageSize, params);
  }

  public ListQuery pageSize(int size) {
    return new ListQuery(filter, orderBy, fields, size, params);
  }

  /** Any other query parameter (repeat the name for a repeated parameter). */
  public ListQuery param(String name, String value) {
    List<Map.Entry<String, String>> all = new ArrayList<>(params);
    all.add(Map.entry(name, value));
    return new ListQuery(filter, orderBy, fields, pageSize, all);
  }

  /** The query parameters of the page after {@code pageToken} (null for the first page). */
  public List<Map.Entry<String, String>> toParams(String pageToken) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (pageSize != null) {
      out.add(Map.entry("page_size", Integer.toString(pageSize)));
    }
    if (pageToken != null && !pageToken.isEmpty()) {
      out.add(Map.entry("page_token", pageToken));
    }
    if (filter != null) {
      out.add(Map.entry("filter", filter.toString()));
    }
    if (orderBy != null) {
      out.add(Map.entry("order_by", orderBy.toString()));
    }
    if (!fields.isEmpty()) {
      out.add(Map.entry("fields", String.join(",", fields)));
    }
    out.addAll(params);
    return out;
  }
}
