package dev.keapgw.client.error;

/** Every failure the client reports is one of these (unchecked, like the rest of the SDK's errors). */
public class KeapException extends RuntimeException {
  public KeapException(String message) {
    super(message);
  }

  public KeapException(String message, Throwable cause) {
    super(message, cause);
  }
}
