package dev.keapgw.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.http.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** The headers every console answer carries, and its three kinds of answer. */
final class ConsoleHttp {
  /**
   * Scripts, styles and data from the gateway itself only; no inline script or style, no
   * framing, no form posts elsewhere.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private ConsoleHttp() {}

  /** Security headers; {@code noStore} for everything that may show an account's data. */
  static HttpServerResponse secure(HttpServerResponse r, boolean noStore) {
    r.putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Cache-Control", noStore ? "no-store" : "public, max-age=300");
    return r;
  }

  static void json(RoutingContext ctx, int status, JsonNode body) {
    secure(ctx.response(), true)
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(Json.bytes(body)));
  }

  static void file(RoutingContext ctx, ConsoleAssets.Asset a, boolean noStore) {
    secure(ctx.response(), noStore)
        .putHeader("Content-Type", a.contentType())
        .end(Buffer.buffer(a.bytes()));
  }

  static void redirect(RoutingContext ctx, String location) {
    secure(ctx.response(), true)
        .setStatusCode(302)
        .putHeader("Location", location)
        .end();
  }
}
