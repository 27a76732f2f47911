package dev.keapgw.gateway.error;

/** Why an exchange with the upstream failed; {@link Failures#upstream} turns the kind into a 502 or a 504. */
public final class UpstreamException extends RuntimeException {
  /** What went wrong, in the order an exchange can go wrong. */
  public enum Kind {
    /** Every connection the pool may open was busy for the whole pool wait; nothing was sent. */
    BUSY,
    /** No connection could be made (refused, unreachable, connect timeout, TLS handshake). */
    CONNECT,
    /**
     * The connection closed before any answer arrived: for a pooled connection, usually one the
     * upstream had closed while it was idle, so an idempotent request may be sent again.
     */
    CLOSED_BEFORE_ANSWER,
    /** No answer, or no more of it, within the response timeout. */
    TIMEOUT,
    /** The upstream answered something that is not HTTP/1.1 as the proxy can pass on. */
    PROTOCOL,
    /** The answer broke off after it had begun. */
    BROKEN_ANSWER
  }

  private final Kind kind;

  UpstreamException(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** A connection closed before any answer: an idempotent request may be sent once more (as nginx does). */
  public boolean staleConnection() {
    return kind == Kind.CLOSED_BEFORE_ANSWER;
  }

  /**
   * A failure to connect.
   *
   * @param what why, in a few words a caller can act on ("timed out", "connection refused")
   */
  public static UpstreamException connecting(String what, Throwable cause) {
    return new UpstreamException(Kind.CONNECT, what, cause);
  }

  /** A failure after the connection was made. */
  public static UpstreamException of(Kind kind, Throwable cause) {
    String what = switch (kind) {
      case BUSY -> "every upstream connection stayed busy for the pool wait";
      case CONNECT -> "could not connect";
      case CLOSED_BEFORE_ANSWER -> "the connection closed before the upstream answered";
      case TIMEOUT -> "no answer within the response timeout";
      case PROTOCOL -> "the answer was not valid HTTP/1.1";
      case BROKEN_ANSWER -> "the answer broke off";
    };
    return new UpstreamException(kind, what, cause);
  }
}
