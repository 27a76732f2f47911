package dev.keapgw.sandbox.store;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * One exact-match index of a table: for each key, the ids of the rows found under it. Most
 * keys (an email address, say) belong to one row, so such a key holds just that id, and only a
 * key that a second row shares grows into a set; a million unique keys then cost a map entry
 * and a boxed id each, not a skip list each. A key whose last id goes is dropped.
 *
 * <p>Every change to a key runs inside {@link ConcurrentHashMap#compute}, so concurrent adds
 * and removes of the same key never lose one another. Reads take no lock and see each key as
 * it was at some moment during the read.
 */
final class ExactIndex {
  /** Per key: a {@link Long} (one row) or a {@link ConcurrentSkipListSet} of two or more ids. */
  private final ConcurrentHashMap<String, Object> ids = new ConcurrentHashMap<>();

  void add(String key, long id) {
    ids.compute(key, (k, held) -> {
      if (held == null) {
        return id;
      }
      if (held instanceof Long one) {
        if (one == id) {
          return one;
        }
        ConcurrentSkipListSet<Long> many = new ConcurrentSkipListSet<>();
        many.add(one);
        many.add(id);
        return many;
      }
      set(held).add(id);
      return held;
    });
  }

  void remove(String key, long id) {
    ids.computeIfPresent(key, (k, held) -> {
      if (held instanceof Long one) {
        return one == id ? null : one;
      }
      ConcurrentSkipListSet<Long> many = set(held);
      many.remove(id);
      if (many.isEmpty()) {
        return null;
      }
      Long first = many.first();
      // back to a single id once one row is left (higher() is O(log n), size() would count)
      return many.higher(first) == null ? first : many;
    });
  }

  /** The ids under {@code key} in ascending order, read-only; empty when there are none. */
  NavigableSet<Long> lookup(String key) {
    Object held = ids.get(key);
    if (held == null) {
      return Collections.emptyNavigableSet();
    }
    if (held instanceof Long one) {
      TreeSet<Long> single = new TreeSet<>();
      single.add(one);
      return Collections.unmodifiableNavigableSet(single);
    }
    return Collections.unmodifiableNavigableSet(set(held));
  }

  /** How many keys the index holds. */
  int keys() {
    return ids.size();
  }

  @SuppressWarnings("unchecked")
  private static ConcurrentSkipListSet<Long> set(Object held) {
    return (ConcurrentSkipListSet<Long>) held;
  }
}
