package dev.keapgw.gateway.connect;

import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted connect flow, for browsers: {@code GET /connect?session_token=...} (a connection's
 * link) and {@code GET /oauth/callback} (where the upstream sends the browser back). Both answer
 * redirects or small HTML pages, never JSON, and are not cached or leaked through Referer.
 */
public final class ConnectRoutes implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectRoutes.class);

  @Override
  public void mount(ControlRoutes routes, GatewayServices services) {
    GatewayConfig config = services.config();
    OAuthStates states = new OAuthStates(
        services.connectionRepo(),
        config.keys(),
        config.clock(),
        config.timeouts().connectSession());
    ConnectStart start = new ConnectStart(services.connectionRepo(), states, config);
    OAuthCallback callback = new OAuthCallback(
        services.connectionRepo(),
        states,
        services.secrets(),
        services.oauth(),
        config,
        routes.buckets());
    browser(
        routes,
        "/connect",
        ctx -> start.handle(
            ctx.request().getParam("session_token"), ctx.request().getParam("connection_id")));
    browser(
        routes,
        "/oauth/callback",
        ctx -> callback.handle(
            ctx.request().getParam("code"),
            ctx.request().getParam("state"),
            ctx.request().getParam("error"),
            ctx.request().getParam("error_description")));
  }

  private static void browser(
      ControlRoutes routes, String path, Function<RoutingContext, BrowserReply> handler) {
    routes
        .router()
        .get(path)
        .blockingHandler(
            ctx -> {
              BrowserReply reply;
              try {
                reply = handler.apply(ctx);
              } catch (RuntimeException e) {
                LOG.error(
                    "connect flow failed at {} (request {})",
                    path,
                    (Object) ctx.get("request_id"),
                    e);
                reply = Pages.internalError(ctx.get("request_id"));
              }
              send(ctx.response(), reply);
            },
            false);
  }

  private static void send(HttpServerResponse out, BrowserReply reply) {
    out.setStatusCode(reply.status())
        .putHeader("Cache-Control", "no-store")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff");
    if (reply.location() != null) {
      out.putHeader("Location", reply.location()).end();
      return;
    }
    out.putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        .end(reply.html());
  }
}
