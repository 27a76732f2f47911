package dev.keapgw.gateway.store;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Named leases in the store, so that one instance of a cluster at a time does a periodic job
 * (the keep-alive sweeper). A holder keeps its lease by taking it again before it expires; if
 * it dies, another instance takes over once the lease has expired. Lease names are rows made
 * by the migrations.
 */
public final class Leases {
  private final Jdbi jdbi;

  public Leases(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Takes or renews the lease for {@code ttl}: true when {@code holder} has it now. */
  public boolean tryAcquire(String name, String holder, Instant now, Duration ttl) {
    return jdbi.withHandle(
            h -> h.createUpdate("UPDATE leases SET holder = :h, expires_at = :x WHERE name = :n"
                    + " AND (holder = :h OR holder IS NULL OR expires_at <= :now)")
                .bind("h", holder)
                .bind("x", Times.micros(now.plus(ttl)))
                .bind("n", name)
                .bind("now", Times.micros(now))
                .execute())
        == 1;
  }

  /** Gives the lease up (at shutdown), so another instance need not wait for it to expire. */
  public void release(String name, String holder) {
    jdbi.useHandle(h -> h.createUpdate(
            "UPDATE leases SET holder = NULL, expires_at = 0 WHERE name = :n AND holder = :h")
        .bind("n", name)
        .bind("h", holder)
        .execute());
  }
}
