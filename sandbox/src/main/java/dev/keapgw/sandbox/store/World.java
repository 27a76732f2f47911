package dev.keapgw.sandbox.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

  /** Now, as Keap writes timestamps: ISO-8601 UTC with milliseconds. */
  public String now() {
    return timestamp(clock.instant());
  }

  public static String timestamp(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** The tenant with this id, created (empty) on first use. */
  public synchronized Tenant tenant(String id) {
    return tenants.computeIfAbsent(
        id,
        k -> {
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
