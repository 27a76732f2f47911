package dev.keapgw.sandbox.list;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one list endpoint behaves: the key its items come under, its page-size range and
 * default, and the fields it can be filtered and ordered by, kept in the order they are
 * declared (400s list them in that order).
 */
public record ListSpec(
    String domain,
    String itemsKey,
    int minPageSize,
    int maxPageSize,
    int defaultPageSize,
    Map<String, FilterField> filters,
    Map<String, OrderField> orders) {

  /** The page size used when a request sends none (or 0), unless an endpoint says otherwise. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  public static ListSpec of(
      String domain, String itemsKey, List<FilterField> filters, List<OrderField> orders) {
    Map<String, FilterField> f = new LinkedHashMap<>();
    filters.forEach(x -> f.put(x.name(), x));
    Map<String, OrderField> o = new LinkedHashMap<>();
    orders.forEach(x -> o.put(x.name(), x));
    return new ListSpec(
        domain,
        itemsKey,
        0,
        1000,
        DEFAULT_PAGE_SIZE,
        Collections.unmodifiableMap(f),
        Collections.unmodifiableMap(o));
  }

  public ListSpec pageSizes(int min, int max, int dflt) {
    return new ListSpec(domain, itemsKey, min, max, dflt, filters, orders);
  }
}
