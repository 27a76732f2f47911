package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.http.ErrorType;
import dev.keapgw.gateway.http.GatewayException;
import io.vertx.core.http.HttpClosedException;

/** How a failed upstream exchange is answered: 502 when it could not be reached, 504 when it was too slow. */
final class UpstreamFailure {
  private UpstreamFailure() {}

  /** A failure to get a connection to the upstream at all. */
  static GatewayException connecting(Throwable t, String app) {
    return new GatewayException(ErrorType.UPSTREAM_UNREACHABLE,
        "The " + app + " API could not be reached (" + describe(t) + "). Try again shortly.");
  }

  /** A failure after the request was on its way. */
  static GatewayException exchanging(Throwable t, String app) {
    if (isTimeout(t)) {
      return new GatewayException(ErrorType.UPSTREAM_TIMEOUT,
          "The " + app + " API did not answer in time. The request may or may not have been carried out.");
    }
    return new GatewayException(ErrorType.UPSTREAM_UNREACHABLE,
        "The connection to the " + app + " API failed before it answered (" + describe(t) + ").");
  }

  static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String name = c.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
      String msg = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (name.contains("timeout") || msg.contains("timeout period")) {
        return true;
      }
    }
    return false;
  }

  /** A pooled connection the upstream had closed: safe to retry an idempotent request once. */
  static boolean isStaleConnection(Throwable t) {
    return t instanceof HttpClosedException
        || (t != null && String.valueOf(t.getMessage()).contains("Connection was closed"));
  }

  private static String describe(Throwable t) {
    if (isTimeout(t)) {
      return "timed out";
    }
    return t instanceof java.net.ConnectException || String.valueOf(t.getMessage()).contains("Connection refused")
        ? "connection refused" : t.getClass().getSimpleName();
  }
}
