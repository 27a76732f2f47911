package dev.keapgw.gateway.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

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
  private final java.time.Clock clock;
  private final InProcessRefreshLock local = new InProcessRefreshLock();

  /**
   * @param locks the store's lock pool
   * @param wait how long to wait for another instance's refresh of the same connection
   */
  public PgRefreshLock(Jdbi locks, Duration wait, java.time.Clock clock) {
    this.locks = locks;
    this.wait = wait;
    this.clock = clock;
  }

  @Override
  public <T> T locked(String connectionId, Callable<T> work) throws Exception {
    return local.locked(connectionId, () -> {
      Handle h = locks.open();
      try {
        h.begin();
        lock(h, connectionId);
        return work.call();
      } finally {
        release(h);
      }
    });
  }

  /**
   * Ends the lock's transaction (nothing was written on it) and returns the session. A session
   * that broke meanwhile has released the lock already: the work's own outcome is what counts.
   */
  private static void release(Handle h) {
    try {
      h.rollback();
    } catch (JdbiException e) {
      // broken session
    }
    try {
      h.close();
    } catch (JdbiException e) {
      // broken session
    }
  }

  private void lock(Handle h, String connectionId) {
    h.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
    try {
      h.createQuery("SELECT pg_advisory_xact_lock(:k)")
          .bind("k", key(connectionId))
          .mapTo(String.class)
          .one();
    } catch (JdbiException e) {
      if (e.getCause() instanceof SQLException s && "55P03".equals(s.getSQLState())) {
        // another instance has held it longer than any refresh may take: let the caller retry
        throw new TokenUnavailableException(
            TokenUnavailableException.Reason.BACKING_OFF,
            null,
            "Another gateway instance is refreshing this connection's token and has not finished; retry shortly.",
            clock.instant().plusSeconds(5));
      }
      throw e;
    }
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
