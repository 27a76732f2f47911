package dev.keapgw.sandbox.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One Keap account (application) with its own data. Changes that touch several tables (a tag
 * applied to contacts, a contact deleted from tags and sequences) run under {@link #write}
 * so the account never shows half of one.
 */
public final class Tenant {
  private final String id;
  private final Map<String, TableSpec> specs;
  private final Journal journal;
  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();

  Tenant(String id, Map<String, TableSpec> specs, Journal journal) {
    this.id = id;
    this.specs = specs;
    this.journal = journal;
  }

  public String id() {
    return id;
  }

  /** The application name Keap shows for this account, as in {@code x-keap-tenant-id}. */
  public String appName() {
    return id + ".infusionsoft.com";
  }

  /** Whether a module of this build declares the table {@code name}. */
  public boolean declares(String name) {
    return specs.containsKey(name);
  }

  /** The table {@code name}; asking for one no module declares is a bug (see {@link #declares}). */
  public Table table(String name) {
    return tables.computeIfAbsent(name, n -> {
      TableSpec spec = specs.get(n);
      if (spec == null) {
        throw new IllegalArgumentException("no table is declared as " + n);
      }
      return new Table(id, spec, journal);
    });
  }

  public <T> T write(Supplier<T> change) {
    lock.lock();
    try {
      return change.get();
    } finally {
      lock.unlock();
    }
  }

  public void write(Runnable change) {
    lock.lock();
    try {
      change.run();
    } finally {
      lock.unlock();
    }
  }
}
