package dev.keapgw.client.error;

/** 404: no such resource (or connection) for this caller. */
public final class NotFoundException extends KeapApiException {
  NotFoundException(Details d) {
    super(d);
  }
}
