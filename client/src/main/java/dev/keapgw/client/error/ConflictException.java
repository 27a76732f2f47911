package dev.keapgw.client.error;

/** 409: the change conflicts with the resource's current state. */
public final class ConflictException extends KeapApiException {
  ConflictException(Details d) {
    super(d);
  }
}
