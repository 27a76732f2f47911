package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The data plane's first step: what is refused before the API key is even looked at, because
 * it cannot be forwarded safely whoever sends it. Every check of the request's own shape goes
 * here, in the order they run.
 */
final class Refusals {
  private Refusals() {}

  /** Why {@code req} is refused, or null when it may go on. */
  static GatewayException of(HttpServerRequest req) {
    String problem = PathGuard.problem(req.path());
    if (problem != null) {
      return GatewayException.badRequest("Invalid path: " + problem + ".");
    }
    if (req.method() == HttpMethod.TRACE || req.method() == HttpMethod.CONNECT) {
      // TRACE makes a server echo the request back, the injected token with it; CONNECT asks
      // for a tunnel. Neither belongs to a REST API.
      return new GatewayException(ErrorType.METHOD_NOT_ALLOWED, req.method().name()
          + " is not forwarded through the gateway; the API is used with GET, POST, PUT, PATCH and DELETE.")
          .header("Allow", "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE");
    }
    if (RequestTarget.forUpstream(req.uri()) == null) {
      return GatewayException.badRequest("Invalid request target: it has raw bytes that are not UTF-8;"
          + " percent-encode them.");
    }
    if (req.headers().contains(HttpHeaders.CONTENT_LENGTH) && req.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      return GatewayException.badRequest("Send either Content-Length or Transfer-Encoding, not both.");
    }
    return null;
  }
}
