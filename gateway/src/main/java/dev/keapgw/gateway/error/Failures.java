package dev.keapgw.gateway.error;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a failure to the gateway's answer (an {@link ErrorType} and its status, a
 * message that says what to do, fields and headers), for the control plane and the data plane
 * alike. {@code http.ErrorBody} writes the result as the envelope
 * {@code {"error":{"status","type","message","request_id",...}}}.
 *
 * <p>A feature fails a request by throwing a {@link GatewayException} of the {@link ErrorType}
 * that fits (add a constant for a new kind); whatever else escapes is mapped by
 * {@link #answer}: an unreachable store is a 503, anything unforeseen a logged 500 whose
 * message never carries the exception's own text (it may hold a secret).
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  /** The one message of an internal error: the request id in the same answer finds the log line. */
  static final String INTERNAL_MESSAGE =
      "Internal error in the gateway; the request id is in this answer.";

  private Failures() {}

  /**
   * What the caller is answered for {@code failure}.
   *
   * @param where what was being done, for the log line of an unforeseen failure (such as {@code GET /connections})
   * @param requestId the request's id, logged with an unforeseen failure
   */
  public static GatewayException answer(Throwable failure, String where, String requestId) {
    if (failure instanceof GatewayException e) {
      return e;
    }
    if (StoreUnavailable.matches(failure)) {
      return storeUnavailable();
    }
    LOG.error("gateway bug in {} (request {})", where, requestId, failure);
    return new GatewayException(ErrorType.INTERNAL, INTERNAL_MESSAGE);
  }

  /** The answer while the store is unreachable: nothing was done, retry shortly. */
  public static GatewayException storeUnavailable() {
    return new GatewayException(
            ErrorType.STORE_UNAVAILABLE,
            "The gateway's database is not reachable right now; nothing was sent upstream. Retry in a few seconds.")
        .header("Retry-After", "5");
  }

  /**
   * The answer to a failed exchange with {@code app}'s upstream: 502 when it could not be
   * reached or its answer not passed on, 504 when it was too slow, 503 when every pooled
   * connection stayed busy (nothing was sent).
   */
  public static GatewayException upstream(Throwable failure, String app) {
    if (!(failure instanceof UpstreamException u)) {
      return new GatewayException(
          ErrorType.UPSTREAM_UNREACHABLE,
          "The connection to the " + app + " API failed before it answered ("
              + failure.getClass().getSimpleName() + ").");
    }
    return switch (u.kind()) {
      case BUSY ->
        new GatewayException(
                ErrorType.UPSTREAM_BUSY,
                "Every connection this gateway may open to the " + app
                    + " API is busy, and none came free in time; nothing was sent. Retry shortly.")
            .header("Retry-After", "1");
      case CONNECT ->
        new GatewayException(
            ErrorType.UPSTREAM_UNREACHABLE,
            "The " + app + " API could not be reached (" + u.getMessage()
                + "). Try again shortly.");
      case TIMEOUT ->
        new GatewayException(
            ErrorType.UPSTREAM_TIMEOUT,
            "The " + app
                + " API did not answer in time. The request may or may not have been carried out.");
      case CLOSED_BEFORE_ANSWER ->
        new GatewayException(
            ErrorType.UPSTREAM_UNREACHABLE,
            "The connection to the " + app + " API closed before it answered.");
      case PROTOCOL, BROKEN_ANSWER ->
        new GatewayException(
            ErrorType.UPSTREAM_UNREACHABLE,
            "The " + app + " API's answer could not be passed on (" + u.getMessage() + ").");
    };
  }

  /**
   * The answer when the chosen connection cannot give a token now (424).
   *
   * @param message what is wrong and what to do
   * @param connectionId the connection, or null when there is none (it was deleted)
   * @param status the connection's status as callers see it ({@code PENDING}, {@code FAILED},
   *     {@code ACTIVE} while a refresh backs off)
   * @param url where to (re)connect it, or null
   * @param retryAfter when trying again may help, or null
   */
  public static GatewayException connectionNotReady(
      String message, String connectionId, String status, String url, Duration retryAfter) {
    GatewayException e = new GatewayException(
        ErrorType.CONNECTION_NOT_READY, message + (url != null ? " Connect url: " + url : ""));
    if (connectionId != null) {
      e.with("connection_id", connectionId);
      e.with("connection_status", status);
    }
    e.with("url", url);
    if (retryAfter != null) {
      e.header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds() + 1)));
    }
    return e;
  }
}
