package dev.keapgw.gateway.token;

import java.util.concurrent.Callable;

/**
 * Mutual exclusion for refreshing one connection's tokens. Whoever holds it re-reads the
 * connection, refreshes if still needed, and commits the rotated tokens before letting go, so
 * exactly one refresh reaches the upstream however many threads (or, with a database-backed
 * implementation, instances) want a token at once.
 */
public interface RefreshLock {
  <T> T locked(String connectionId, Callable<T> work) throws Exception;
}
