package dev.keapgw.sandbox.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.store.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Serves Keap list endpoints: {@code page_size}, {@code page_token}, {@code filter} and
 * {@code order_by}, over one table.
 *
 * <p>Pages are keyset-based: a token holds the sort key and id of the last row served, and
 * the next page starts strictly after it. Rows inserted or deleted during a walk therefore
 * never shift the rows that existed throughout: none is served twice and none is skipped.
 * The token is empty exactly when no matching row follows the page.
 */
public final class Lister {
  private final PageToken tokens;

  public Lister(PageToken tokens) {
    this.tokens = tokens;
  }

  /** What to list beyond the request's own parameters. */
  public record Source(Table table, Predicate<ObjectNode> scope, String scopeKey) {
    public static Source all(Table table) {
      return new Source(table, row -> true, "");
    }
  }

  private record Hit(Comparable<?> key, long id, ObjectNode row) {}

  public ObjectNode list(
      KeapRequest req, ListSpec spec, Source source, Function<ObjectNode, JsonNode> view) {
    int size = pageSize(req.param("page_size"), spec);
    Filter filter = Filter.parse(req.param("filter"), spec.filters(), spec.domain());
    String orderBy = req.param("order_by");
    OrderField order = OrderField.id();
    boolean ascending = true;
    if (orderBy != null && !orderBy.isBlank()) {
      String[] parts = orderBy.trim().split("\\s+");
      order = spec.orders().get(parts[0]);
      if (order == null || parts.length > 2) {
        throw ApiException.invalidField(
            spec.domain(),
            "order_by",
            "Invalid order_by '" + orderBy + "'. Allowed fields: "
                + String.join(", ", spec.orders().keySet()) + ", each followed by asc or desc");
      }
      if (parts.length == 2) {
        if (parts[1].equalsIgnoreCase("desc")) {
          ascending = false;
        } else if (!parts[1].equalsIgnoreCase("asc")) {
          throw ApiException.invalidField(
              spec.domain(),
              "order_by",
              "Invalid order_by direction '" + parts[1] + "': use asc or desc");
        }
      }
    }
    String scope = req.tenantId() + "|" + spec.domain() + "|" + source.scopeKey() + "|"
        + nullToEmpty(req.param("filter")) + "|" + nullToEmpty(orderBy);
    String token = req.param("page_token");
    PageToken.Position after =
        token == null || token.isEmpty() ? null : tokens.decode(token, scope, spec.domain());

    Predicate<ObjectNode> keep =
        row -> source.scope().test(row) && filter.matches(row, spec.filters());
    List<Hit> page = new ArrayList<>(Math.min(size, 1024));
    boolean more;
    if (order.name().equals(OrderField.ID)) {
      more = byId(
          candidates(source.table(), filter, spec, after == null ? null : after.id(), ascending),
          keep,
          size,
          page);
    } else {
      more = sorted(source.table(), filter, spec, keep, order, ascending, after, size, page);
    }
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray(spec.itemsKey());
    for (Hit h : page) {
      items.add(view.apply(h.row()));
    }
    Hit last = page.isEmpty() ? null : page.get(page.size() - 1);
    out.put(
        "next_page_token",
        more && last != null
            ? tokens.encode(scope, new PageToken.Position(last.key(), last.id()))
            : "");
    return out;
  }

  /** Walks ids in order, keeping {@code size} matches and looking one match further. */
  private static boolean byId(
      Iterator<Map.Entry<Long, byte[]>> it, Predicate<ObjectNode> keep, int size, List<Hit> page) {
    while (it.hasNext()) {
      Map.Entry<Long, byte[]> e = it.next();
      ObjectNode row = Json.parseTrusted(e.getValue());
      if (!keep.test(row)) {
        continue;
      }
      if (page.size() == size) {
        return true;
      }
      page.add(new Hit(e.getKey(), e.getKey(), row));
    }
    return false;
  }

  private static boolean sorted(
      Table table,
      Filter filter,
      ListSpec spec,
      Predicate<ObjectNode> keep,
      OrderField order,
      boolean ascending,
      PageToken.Position after,
      int size,
      List<Hit> page) {
    Comparator<Hit> cmp = (a, b) -> {
      int c = compareKeys(a.key(), b.key());
      return c != 0 ? c : Long.compare(a.id(), b.id());
    };
    if (!ascending) {
      cmp = cmp.reversed();
    }
    TreeSet<Hit> hits = new TreeSet<>(cmp);
    Hit bound = after == null ? null : new Hit(after.key(), after.id(), null);
    Iterator<Map.Entry<Long, byte[]>> it = candidates(table, filter, spec, null, true);
    while (it.hasNext()) {
      Map.Entry<Long, byte[]> e = it.next();
      ObjectNode row = Json.parseTrusted(e.getValue());
      if (!keep.test(row)) {
        continue;
      }
      Hit h = new Hit(order.key().apply(row), e.getKey(), row);
      if (bound != null && cmp.compare(h, bound) <= 0) {
        continue;
      }
      hits.add(h);
      if (hits.size() > size + 1) {
        hits.pollLast();
      }
    }
    boolean more = hits.size() > size;
    for (Hit h : hits) {
      if (page.size() == size) {
        break;
      }
      page.add(h);
    }
    return more;
  }

  /** Rows worth testing: an index's hits when an indexed equality clause narrows them, else all. */
  private static Iterator<Map.Entry<Long, byte[]>> candidates(
      Table table, Filter filter, ListSpec spec, Long afterId, boolean ascending) {
    for (Clause c : filter.clauses()) {
      FilterField f = spec.filters().get(c.field());
      if (c.op() == Op.EQ && !c.prefix() && f.index() != null && table.hasIndex(f.index())) {
        TreeSet<Long> ids = new TreeSet<>();
        for (String v : c.values()) {
          ids.addAll(table.lookup(f.index(), v));
        }
        Iterable<Long> ordered = ascending
            ? (afterId == null ? ids : ids.tailSet(afterId, false))
            : (afterId == null
                ? ids.descendingSet()
                : ids.headSet(afterId, false).descendingSet());
        Iterator<Long> idIt = ordered.iterator();
        return new Iterator<>() {
          Map.Entry<Long, byte[]> next = advance();

          private Map.Entry<Long, byte[]> advance() {
            while (idIt.hasNext()) {
              long id = idIt.next();
              byte[] raw = table.raw(id);
              if (raw != null) {
                return Map.entry(id, raw);
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Map.Entry<Long, byte[]> next() {
            Map.Entry<Long, byte[]> r = next;
            next = advance();
            return r;
          }
        };
      }
    }
    return table.scan(afterId, ascending);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Comparable a, Comparable b) {
    if (a.getClass() != b.getClass()) {
      return a.toString().compareTo(b.toString());
    }
    return a.compareTo(b);
  }

  static int pageSize(String raw, ListSpec spec) {
    if (raw == null || raw.isBlank()) {
      return spec.defaultPageSize();
    }
    int n;
    try {
      n = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidField(
          spec.domain(), "page_size", "page_size must be a whole number");
    }
    if (n == 0 && spec.minPageSize() == 0) {
      return spec.defaultPageSize();
    }
    if (n < spec.minPageSize() || n > spec.maxPageSize()) {
      throw ApiException.invalidField(
          spec.domain(),
          "page_size",
          "page_size must be between " + spec.minPageSize() + " and " + spec.maxPageSize());
    }
    return n;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
