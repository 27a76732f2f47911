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

  public TokenUnavailableException(
      Reason reason, Connection connection, String message, java.time.Instant retryAt) {
    super(message, null, false, false);
    this.reason = reason;
    this.connection = connection;
    this.retryAt = retryAt;
  }

  /**
   * Why connection {@code c} cannot give a token, or null when it is ACTIVE: the one decision,
   * and the one wording, of a connection that is not ACTIVE, for the data plane (which checks
   * the connection it chose) and the refresher (which checks it again under the lock).
   */
  public static TokenUnavailableException unlessActive(Connection c) {
    return switch (c.status()) {
      case ACTIVE -> null;
      case PENDING ->
        new TokenUnavailableException(
            Reason.PENDING,
            c,
            "The connection is not authorized yet: open its url to connect it.",
            null);
      case FAILED -> grantGone(c, c.failureReason());
    };
  }

  /** The connection's grant is dead ({@code why}, if known, says how): it must be connected again. */
  static TokenUnavailableException grantGone(Connection c, String why) {
    return new TokenUnavailableException(
        Reason.FAILED,
        c,
        "The connection's authorization is no longer valid" + (why == null ? "" : " (" + why + ")")
            + ": open its url to reconnect.",
        null);
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
