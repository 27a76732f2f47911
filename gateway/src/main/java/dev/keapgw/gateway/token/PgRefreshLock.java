package dev.keapgw.gateway.token;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link RefreshLock} shared by every instance on one PostgreSQL: a transaction-scoped
 * advisory lock per connection ({@code pg_advisory_xact_lock}), held on a connection of the
 * store's small lock pool for the whole refresh, upstream call included. Ending the
 * transaction, or the holder's death (its session ends), releases it.
 *
 * <p>Within one process the threads that want the same connection first queue on an
 * {@link InProcessRefreshLock}, so one instance holds at most one database session per
 * connection being refreshed. The work itself reads and writes through the main pool: the
 * lock session only locks.
 */
public final class PgRefreshLock implements RefreshLock {
  private final Jdbi locks;
  private final Duration wait;
  private final InProcessRefreshLock local = new InProcessRefreshLock();

  /**
   * @param locks the store's lock pool
   * @param wait how long to wait for another instance's refresh of the same connection
   */
  public PgRefreshLock(Jdbi locks, Duration wait) {
    this.locks = locks;
    this.wait = wait;
  }

  @Override
  public <T> T locked(String connectionId, Callable<T> work) throws Exception {
    return local.locked(connectionId, () -> {
      try (Handle h = locks.open()) {
        h.begin();
        try {
          h.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
          h.createQuery("SELECT pg_advisory_xact_lock(:k)").bind("k", key(connectionId)).mapTo(String.class).one();
          return work.call();
        } finally {
          // nothing was written on this session: ending the transaction just releases the lock
          h.rollback();
        }
      }
    });
  }

  /** The advisory lock key of a connection: 64 bits of a hash of a namespaced id. */
  static long key(String connectionId) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(("keapgw:refresh:" + connectionId).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(d).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
