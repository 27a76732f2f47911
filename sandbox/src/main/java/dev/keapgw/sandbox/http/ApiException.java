package dev.keapgw.sandbox.http;

import java.util.List;

/**
 * A Keap application error: answered as {@code {"code","message","status","details"}}.
 * Thrown by handlers for anything the caller did wrong; never for the sandbox's own bugs.
 */
public final class ApiException extends RuntimeException {
  /** One entry of {@code details}: the domain (resource type) and the resource (field or id). */
  public record Detail(String domain, String resource) {}

  private final int status;
  private final List<Detail> details;

  public ApiException(int status, String message, List<Detail> details) {
    super(message, null, false, false);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public int status() {
    return status;
  }

  public List<Detail> details() {
    return details;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message, List.of());
  }

  /** A 400 that names the offending field, as Keap's validation errors do. */
  public static ApiException invalidField(String domain, String field, String message) {
    return new ApiException(400, message, List.of(new Detail(domain, field)));
  }

  public static ApiException notFound(String domain, String id) {
    return new ApiException(
        404, domain + " with id " + id + " was not found", List.of(new Detail(domain, id)));
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message, List.of());
  }
}
