package dev.keapgw.sandbox.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every tenant the sandbox emulates, their tables, and the clock their timestamps come from. */
public final class World {
  private final Map<String, TableSpec> specs = new LinkedHashMap<>();
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final Journal journal;
  private final Clock clock;

  /** The first declaration of a table name wins, so a test's stand-in never replaces the real one. */
  public World(Collection<TableSpec> tables, Journal journal, Clock clock) {
    tables.forEach(t -> specs.putIfAbsent(t.name(), t));
    this.journal = journal;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Every timestamp the sandbox writes has this one form: ISO-8601 UTC with exactly three
   * fraction digits ({@code 2026-03-01T12:00:00.000Z}), so that timestamps sort as text in
   * time order, within a second too.
   */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Now, as Keap writes timestamps (see {@link #timestamp}). */
  public String now() {
    return timestamp(clock.instant());
  }

  /** {@code t} as the sandbox writes timestamps: UTC, milliseconds always shown. */
  public static String timestamp(Instant t) {
    return TIMESTAMP.format(t);
  }

  /** The tenant with this id, created (empty) on first use. */
  public synchronized Tenant tenant(String id) {
    return tenants.computeIfAbsent(id, k -> {
      order.add(k);
      return new Tenant(k, specs, journal);
    });
  }

  public Tenant find(String id) {
    return id == null ? null : tenants.get(id);
  }

  /** Tenants in the order they were made; the first is the default for auto-approval. */
  public synchronized List<Tenant> tenants() {
    return order.stream().map(tenants::get).toList();
  }
}
