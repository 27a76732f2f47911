package dev.keapgw.gateway.http;

import dev.keapgw.gateway.error.GatewayException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Refuses, before any control-plane handler runs, requests that could only be read by failing
 * inside a library: a request target with a malformed percent-escape (the router and the query
 * decoder throw on it), and multipart bodies, which the gateway's API never takes.
 *
 * <p>A body is read as JSON whatever its {@code Content-Type} says (as GitHub's API does):
 * {@code curl -d '{"app":"keap"}'} labels its body {@code application/x-www-form-urlencoded}.
 * Such a body is taken as raw bytes, never decoded as a form, and a body that is not JSON still
 * gets the clear 400 from {@link Json#callerObject}.
 */
public final class ControlInput {
  private ControlInput() {}

  /** Why the request is refused (a 400), or null when handlers may read it. */
  public static GatewayException refusal(RoutingContext ctx) {
    try {
      ctx.normalizedPath();
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      return GatewayException.badRequest("The request target has a malformed percent-escape"
          + " (a '%' not followed by two hex digits): write '%' itself as %25.");
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null) {
      String t = type.toLowerCase(Locale.ROOT);
      if (t.startsWith("multipart/")) {
        return GatewayException.badRequest(
            "This API takes a JSON body, not a multipart form: send the JSON itself"
                + " (curl -d '{...}', any Content-Type).");
      }
      if (t.startsWith("application/x-www-form-urlencoded")) {
        // the body handler would decode a form (and throw on a malformed one): keep the bytes as
        // they came
        ctx.request().headers().remove(HttpHeaders.CONTENT_TYPE);
      }
    }
    return null;
  }
}
