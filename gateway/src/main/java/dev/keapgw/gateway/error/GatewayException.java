package dev.keapgw.gateway.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the gateway answers itself, in its one envelope (see {@link ErrorBody}). The
 * message says what happened and what to do; it never carries a secret.
 */
public final class GatewayException extends RuntimeException {
  private final ErrorType type;
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private boolean closesConnection;

  public GatewayException(ErrorType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  /** Adds a field to the error object, such as {@code connection_id} or {@code url}. */
  public GatewayException with(String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  public GatewayException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * The caller's connection is closed once this answer is written: what follows on it (the rest
   * of a body that came too slowly or was malformed) cannot be read as the next request.
   */
  public GatewayException closingConnection() {
    closesConnection = true;
    headers.put("Connection", "close");
    return this;
  }

  public boolean closesConnection() {
    return closesConnection;
  }

  public ErrorType type() {
    return type;
  }

  public Map<String, String> fields() {
    return fields;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static GatewayException badRequest(String message) {
    return new GatewayException(ErrorType.INVALID_REQUEST, message);
  }

  public static GatewayException notFound(String message) {
    return new GatewayException(ErrorType.NOT_FOUND, message);
  }
}
