package dev.keapgw.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keap's application error body: {@code {"code":400,"message":...,"status":"INVALID_ARGUMENT",
 * "details":[{"domain":...,"resource":...}]}}. The status names follow Google's API error
 * model, which Keap's v2 API (custom methods, update masks, page tokens) is built on.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  public static KeapResponse of(ApiException e) {
    return KeapResponse.json(e.status(), body(e.status(), e.getMessage(), e));
  }

  public static KeapResponse of(int status, String message) {
    return KeapResponse.json(status, body(status, message, null));
  }

  private static ObjectNode body(int status, String message, ApiException e) {
    ObjectNode o = Json.object();
    o.put("code", status);
    o.put("message", message);
    o.put("status", statusName(status));
    ArrayNode details = o.putArray("details");
    if (e != null) {
      for (ApiException.Detail d : e.details()) {
        details.addObject().put("domain", d.domain()).put("resource", d.resource());
      }
    }
    return o;
  }

  /** Keap's throttling answer, a string code and no details, as its gateway sends it. */
  public static KeapResponse quotaExceeded() {
    ObjectNode o = Json.object();
    o.put("code", "429");
    o.put("message", "Quota Exceeded");
    o.put("status", "Request Throttled");
    o.putNull("details");
    return KeapResponse.json(429, o);
  }

  static String statusName(int status) {
    return switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 409 -> "ALREADY_EXISTS";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 501 -> "UNIMPLEMENTED";
      case 502, 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    };
  }
}
