package dev.keapgw.client.error;

import dev.keapgw.client.connections.Connection;

/**
 * Waiting for a connection to become ACTIVE ended without it: the connection FAILED (its
 * {@code failureReason} says why), or the time ran out while it was still PENDING.
 */
public final class ConnectionWaitException extends KeapException {
  private final Connection connection;
  private final boolean timedOut;

  public ConnectionWaitException(String message, Connection connection, boolean timedOut) {
    super(message);
    this.connection = connection;
    this.timedOut = timedOut;
  }

  /** The connection as last seen. */
  public Connection connection() {
    return connection;
  }

  /** True when the wait ran out; false when the connection FAILED. */
  public boolean timedOut() {
    return timedOut;
  }
}
