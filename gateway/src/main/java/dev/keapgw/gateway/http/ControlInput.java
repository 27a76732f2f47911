package dev.keapgw.gateway.http;

import dev.keapgw.gateway.error.GatewayException;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Refuses, before any control-plane handler runs, requests that could only be read by failing
 * inside a library: a request target with a malformed percent-escape (the router and the query
 * decoder throw on it), and form bodies (the body handler decodes them, and throws on malformed
 * or oversized fields), which the gateway's API never takes: its bodies are JSON.
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
    String type = ctx.request().getHeader("Content-Type");
    if (type != null) {
      String t = type.toLowerCase(Locale.ROOT);
      if (t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/")) {
        return GatewayException.badRequest("This API takes JSON bodies: send Content-Type: application/json.");
      }
    }
    return null;
  }
}
