package dev.keapgw.client.error;

/** 401: the API key (or Keap token) is missing, unknown, revoked or expired. */
public final class AuthenticationException extends KeapApiException {
  AuthenticationException(Details d) {
    super(d);
  }
}
