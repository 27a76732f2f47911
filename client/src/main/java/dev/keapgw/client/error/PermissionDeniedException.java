package dev.keapgw.client.error;

/** 403: the credential is valid but may not do this. */
public final class PermissionDeniedException extends KeapApiException {
  PermissionDeniedException(Details d) {
    super(d);
  }
}
