package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.http.ErrorType;
import dev.keapgw.gateway.http.GatewayException;
import dev.keapgw.gateway.proxy.upstream.UpstreamException;

/** How a failed upstream exchange is answered: 502 when it could not be reached, 504 when it was too slow. */
final class UpstreamFailure {
  private UpstreamFailure() {}

  static GatewayException of(Throwable t, String app) {
    if (!(t instanceof UpstreamException u)) {
      return new GatewayException(ErrorType.UPSTREAM_UNREACHABLE,
          "The connection to the " + app + " API failed before it answered (" + t.getClass().getSimpleName() + ").");
    }
    return switch (u.kind()) {
      case CONNECT -> new GatewayException(ErrorType.UPSTREAM_UNREACHABLE,
          "The " + app + " API could not be reached (" + u.getMessage() + "). Try again shortly.");
      case TIMEOUT -> new GatewayException(ErrorType.UPSTREAM_TIMEOUT,
          "The " + app + " API did not answer in time. The request may or may not have been carried out.");
      case CLOSED_BEFORE_ANSWER -> new GatewayException(ErrorType.UPSTREAM_UNREACHABLE,
          "The connection to the " + app + " API closed before it answered.");
      case PROTOCOL, BROKEN_ANSWER -> new GatewayException(ErrorType.UPSTREAM_UNREACHABLE,
          "The " + app + " API's answer could not be passed on (" + u.getMessage() + ").");
    };
  }

  /** A connection closed before any answer: an idempotent request may be sent once more (as nginx does). */
  static boolean isStaleConnection(Throwable t) {
    return t instanceof UpstreamException u && u.kind() == UpstreamException.Kind.CLOSED_BEFORE_ANSWER;
  }
}
