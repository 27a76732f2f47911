package dev.keapgw.client.error;

/**
 * No HTTP answer came back: the host could not be reached, the connection broke, or the
 * answer did not start within the request timeout. Idempotent requests were retried first.
 */
public final class KeapTransportException extends KeapException {
  private final String url;
  private final boolean timeout;

  public KeapTransportException(String message, String url, boolean timeout, Throwable cause) {
    super(message, cause);
    this.url = url;
    this.timeout = timeout;
  }

  /** The URL the request went to. */
  public String url() {
    return url;
  }

  /** Whether the request timed out (rather than failing to connect or breaking off). */
  public boolean isTimeout() {
    return timeout;
  }
}
