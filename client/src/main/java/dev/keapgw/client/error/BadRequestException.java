package dev.keapgw.client.error;

/** 400 Bad Request: the request was malformed or failed validation (Keap names the field in the details), or the gateway has no ACTIVE connection for the app. */
public final class BadRequestException extends KeapApiException {
  BadRequestException(Details d) {
    super(d);
  }
}
