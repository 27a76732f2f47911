package dev.keapgw.client.error;

/**
 * 424 from the gateway: the connection cannot get a Keap token (it is PENDING, its refresh is
 * backing off, or its grant is dead). {@link #connectUrl()} is where a person re-authorizes it.
 */
public final class ConnectionNotReadyException extends KeapApiException {
  ConnectionNotReadyException(Details d) {
    super(d);
  }

  /** The connect link to open in a browser, if the gateway gave one. */
  public String connectUrl() {
    return envelope().field("url");
  }

  /** The connection concerned, if the gateway said. */
  public String connectionId() {
    return envelope().field("connection_id");
  }
}
