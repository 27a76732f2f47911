package dev.keapgw.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Rows of one kind for one tenant, kept as compact JSON bytes ordered by numeric id (a million
 * contacts fit in a few hundred megabytes), with exact-match indexes on lower-cased keys.
 * Reads are lock-free; writes that must change several tables at once hold the tenant's lock.
 */
public final class Table {
  private final String tenantId;
  private final TableSpec spec;
  private final ConcurrentSkipListMap<Long, byte[]> rows = new ConcurrentSkipListMap<>();
  private final Map<String, ExactIndex> indexes = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();
  private final Journal journal;

  Table(String tenantId, TableSpec spec, Journal journal) {
    this.tenantId = tenantId;
    this.spec = spec;
    this.journal = journal;
    for (String name : spec.indexNames()) {
      indexes.put(name, new ExactIndex());
    }
  }

  public String name() {
    return spec.name();
  }

  /** Reserves the next id of this table. */
  public long nextId() {
    return lastId.incrementAndGet();
  }

  /** Stores a row under its id, replacing any previous version. */
  public void put(long id, ObjectNode doc) {
    byte[] bytes = Json.bytes(doc);
    byte[] old = rows.put(id, bytes);
    lastId.accumulateAndGet(id, Math::max);
    reindex(id, old == null ? null : Json.parseTrusted(old), doc);
    journal.put(tenantId, spec.name(), id, bytes);
  }

  /** Inserts a row with a fresh id, which is also written into the row as the string {@code id}. */
  public long insert(ObjectNode doc) {
    long id = nextId();
    doc.put("id", Long.toString(id));
    put(id, doc);
    return id;
  }

  /**
   * Inserts a row with a fresh id: writes the id into it, stores {@code shape} of it (the
   * row with its fields in answer order, say) and returns what was stored.
   */
  public ObjectNode insert(ObjectNode doc, UnaryOperator<ObjectNode> shape) {
    long id = nextId();
    doc.put("id", Long.toString(id));
    ObjectNode stored = shape.apply(doc);
    put(id, stored);
    return stored;
  }

  /** Stores a row under the id it carries, replacing the previous version. */
  public void replace(ObjectNode row) {
    put(Long.parseLong(row.path("id").asText()), row);
  }

  /** Removes every row found under {@code key} of {@code index}; returns how many went. */
  public int removeAll(String index, String key) {
    int n = 0;
    for (long id : List.copyOf(lookup(index, key))) {
      n += remove(id) ? 1 : 0;
    }
    return n;
  }

  public Optional<ObjectNode> get(long id) {
    byte[] b = rows.get(id);
    return b == null ? Optional.empty() : Optional.of(Json.parseTrusted(b));
  }

  /** Looks up by the string id of a path; a non-numeric id simply does not exist. */
  public Optional<ObjectNode> get(String id) {
    Long n = parseId(id);
    return n == null ? Optional.empty() : get(n);
  }

  public boolean contains(String id) {
    Long n = parseId(id);
    return n != null && rows.containsKey(n);
  }

  /** Applies a recorded row without journaling it again (replay at start). */
  void restore(long id, byte[] bytes) {
    byte[] old = rows.put(id, bytes);
    lastId.accumulateAndGet(id, Math::max);
    reindex(id, old == null ? null : Json.parseTrusted(old), Json.parseTrusted(bytes));
  }

  /**
   * Applies a recorded removal (replay at start). The id counts as handed out even if the
   * journal no longer holds the row's own line, so it is never handed out again.
   */
  void forget(long id) {
    lastId.accumulateAndGet(id, Math::max);
    byte[] old = rows.remove(id);
    if (old != null) {
      reindex(id, Json.parseTrusted(old), null);
    }
  }

  public boolean remove(long id) {
    byte[] old = rows.remove(id);
    if (old == null) {
      return false;
    }
    reindex(id, Json.parseTrusted(old), null);
    journal.remove(tenantId, spec.name(), id);
    return true;
  }

  public int size() {
    return rows.size();
  }

  /** Rows after {@code afterId} (exclusive; null for the start) in ascending or descending id order. */
  public Iterator<Map.Entry<Long, byte[]>> scan(Long afterId, boolean ascending) {
    NavigableMap<Long, byte[]> view = ascending ? rows : rows.descendingMap();
    return (afterId == null ? view : view.tailMap(afterId, false)).entrySet().iterator();
  }

  /** Raw bytes of a row, or null. */
  public byte[] raw(long id) {
    return rows.get(id);
  }

  public boolean hasIndex(String index) {
    return indexes.containsKey(index);
  }

  /** Ids whose index key equals {@code key} (case-insensitive), in ascending order, read-only. */
  public NavigableSet<Long> lookup(String index, String key) {
    return indexes.get(index).lookup(key.toLowerCase(Locale.ROOT));
  }

  private void reindex(long id, ObjectNode before, ObjectNode after) {
    spec.indexes().forEach((name, keys) -> {
      ExactIndex index = indexes.get(name);
      Collection<String> old = before == null ? List.of() : keysOf(keys, before);
      Collection<String> now = after == null ? List.of() : keysOf(keys, after);
      for (String k : old) {
        if (!now.contains(k)) {
          index.remove(k, id);
        }
      }
      for (String k : now) {
        index.add(k, id);
      }
    });
  }

  private static Collection<String> keysOf(
      Function<ObjectNode, Collection<String>> f, ObjectNode doc) {
    return f.apply(doc).stream()
        .filter(k -> k != null && !k.isEmpty())
        .map(k -> k.toLowerCase(Locale.ROOT))
        .toList();
  }

  /** The numeric id behind a string id, or null when it is not one. */
  public static Long parseId(String id) {
    if (id == null || id.isEmpty() || id.length() > 18) {
      return null;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return null;
      }
    }
    return Long.parseLong(id);
  }
}
