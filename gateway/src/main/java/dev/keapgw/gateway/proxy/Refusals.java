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
  /** The methods forwarded, as the {@code Allow} header of a 405 lists them. */
  static final String ALLOW = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";

  private Refusals() {}

  private static String shown(String method) {
    return method.length() > 20 ? method.substring(0, 20) + "..." : method;
  }

  /** Why {@code req} is refused, or null when it may go on. */
  static GatewayException of(HttpServerRequest req) {
    String problem = PathGuard.problem(req.path());
    if (problem != null) {
      return GatewayException.badRequest("Invalid path: " + problem + ".");
    }
    HttpMethod m = req.method();
    if (m != HttpMethod.GET
        && m != HttpMethod.POST
        && m != HttpMethod.PUT
        && m != HttpMethod.PATCH
        && m != HttpMethod.DELETE
        && m != HttpMethod.HEAD
        && m != HttpMethod.OPTIONS) {
      // only what a REST API is used with, and exactly as spelled: TRACE would make a server echo
      // the request back, the injected token with it; CONNECT asks for a tunnel; `trace`, TRACK,
      // PROPFIND and the like have no business with Keap's API either
      return new GatewayException(
              ErrorType.METHOD_NOT_ALLOWED,
              "The method " + shown(m.name())
                  + " is not forwarded through the gateway; the API is used with " + ALLOW + ".")
          .header("Allow", ALLOW);
    }
    String target = req.uri();
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '#') {
        // a raw control byte would reach the upstream's request line; a fragment is never sent
        return GatewayException.badRequest("Invalid request target: it has "
            + (c == '#'
                ? "a '#' (a fragment" + " is never sent; write '#' in a query value as %23)"
                : "a raw control character (percent-encode it)")
            + ".");
      }
    }
    if (RequestTarget.forUpstream(target) == null) {
      return GatewayException.badRequest(
          "Invalid request target: it has raw bytes that are not UTF-8;" + " percent-encode them.");
    }
    if (req.headers().contains(HttpHeaders.CONTENT_LENGTH)
        && req.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      return GatewayException.badRequest(
          "Send either Content-Length or Transfer-Encoding, not both.");
    }
    return null;
  }
}
