package dev.keapgw.client.error;

/** 5xx: the gateway or Keap failed, or the gateway could not reach Keap (502) or Keap was too slow (504). Idempotent requests were retried on 502, 503 and 504 first. */
public final class ServerException extends KeapApiException {
  ServerException(Details d) {
    super(d);
  }
}
