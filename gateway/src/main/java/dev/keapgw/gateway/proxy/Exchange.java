package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.account.Principal;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.proxy.upstream.UpstreamCall;
import dev.keapgw.gateway.token.ActiveToken;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** One data-plane request on its way through the proxy, and what the steps learned about it. */
final class Exchange {
  final HttpServerRequest request;
  /** The Vert.x context the request arrived on: its event loop carries the upstream exchange too. */
  final Context context = Vertx.currentContext();
  /** The path's first segment: the name of the app the caller asks for (perhaps none this gateway serves). */
  final String appName;

  final String requestId;
  final long startNanos;
  Principal principal;
  AppConfig app;
  Connection connection;
  ActiveToken token;
  /** The caller's body when it was small enough to hold (so the request can be replayed once). */
  Buffer body;
  /** The caller's {@code Content-Length}, or -1 when it sent none (or one that is not a number). */
  long bodyLength = -1;

  boolean replayable;
  boolean retriedAfter401;
  int attempts;
  int upstreamStatus;
  String outcome = "";
  /** The latest upstream call of the exchange, once one was made. */
  UpstreamCall call;
  /** The timer of the request body's deadline while it runs, else -1. */
  long bodyTimer = -1;
  /** Who made the request when it was one of the gateway's own features (see {@link CallerOrigin}), else null. */
  String via;

  Exchange(HttpServerRequest request, String appName, String requestId, long startNanos) {
    this.request = request;
    this.appName = appName;
    this.requestId = requestId;
    this.startNanos = startNanos;
  }

  /** The upstream OAuth client this exchange spends the shared budget of. */
  String budgetClient() {
    return app.name() + "|" + app.clientId();
  }

  /** The caller's path after {@code /{app}}: {@code /crm/rest/v2/contacts} for {@code /keap/crm/rest/v2/contacts}. */
  String pathAfterApp() {
    return request.path().substring(1 + app.name().length());
  }

  /**
   * The upstream request target: the upstream's base path, then the caller's path after the
   * app name and its query, exactly as sent (never decoded or re-encoded; raw non-ASCII bytes
   * stay the same bytes, see {@link RequestTarget}).
   */
  String upstreamUri() {
    String rest = pathAfterApp();
    String base =
        app.upstreamUrl().getRawPath() == null ? "" : app.upstreamUrl().getRawPath();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String query = request.query();
    return RequestTarget.forUpstream(
        base + (rest.isEmpty() ? "/" : rest) + (query == null ? "" : "?" + query));
  }
}
