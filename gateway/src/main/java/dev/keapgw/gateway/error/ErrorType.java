package dev.keapgw.gateway.error;

/**
 * Every kind of error the gateway itself answers, with its HTTP status and the stable
 * {@code type} string callers can branch on. Upstream errors are not here: they pass through.
 */
public enum ErrorType {
  INVALID_REQUEST(400, "invalid_request"),
  UNKNOWN_APP(400, "unknown_app"),
  NO_ACTIVE_CONNECTION(400, "no_active_connection"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  NOT_FOUND(404, "not_found"),
  METHOD_NOT_ALLOWED(405, "method_not_allowed"),
  /** The caller did not send its request body within the request-body deadline; the connection is closed. */
  REQUEST_TIMEOUT(408, "request_timeout"),
  CONNECTION_LIMIT_REACHED(409, "connection_limit_reached"),
  /** A Keap hook URL the gateway did not issue or no longer serves (Keap then marks its subscription Inactive). */
  GONE(410, "gone"),
  PAYLOAD_TOO_LARGE(413, "payload_too_large"),
  CONNECTION_NOT_READY(424, "connection_not_ready"),
  RATE_LIMITED(429, "rate_limited"),
  UPSTREAM_BUDGET_EXHAUSTED(429, "upstream_budget_exhausted"),
  INTERNAL(500, "internal_error"),
  UPSTREAM_UNREACHABLE(502, "upstream_unreachable"),
  /** The upstream answered a call the gateway made itself (a Keap hook subscription) with an error. */
  UPSTREAM_ERROR(502, "upstream_error"),
  STORE_UNAVAILABLE(503, "store_unavailable"),
  /** Every connection to the upstream this gateway may open is busy, and none came free in time. */
  UPSTREAM_BUSY(503, "upstream_busy"),
  UPSTREAM_TIMEOUT(504, "upstream_timeout");

  private final int status;
  private final String type;

  ErrorType(int status, String type) {
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }
}
