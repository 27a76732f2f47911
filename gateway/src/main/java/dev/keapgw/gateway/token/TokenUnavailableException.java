package dev.keapgw.gateway.token;

import dev.keapgw.gateway.connection.Connection;

/**
 * A connection cannot give a token now: it is PENDING, FAILED (its grant is dead), or its
 * refresh failed for a passing reason and is backing off until {@code retryAt}. The data plane
 * answers 424 with what to do.
 */
public final class TokenUnavailableException extends RuntimeException {
  public enum Reason {
    PENDING,
    FAILED,
    BACKING_OFF
  }

  private final Reason reason;
  private final Connection connection;
  private final java.time.Instant retryAt;

  public TokenUnavailableException(Reason reason, Connection connection, String message, java.time.Instant retryAt) {
    super(message, null, false, false);
    this.reason = reason;
    this.connection = connection;
    this.retryAt = retryAt;
  }

  public Reason reason() {
    return reason;
  }

  public Connection connection() {
    return connection;
  }

  public java.time.Instant retryAt() {
    return retryAt;
  }
}
