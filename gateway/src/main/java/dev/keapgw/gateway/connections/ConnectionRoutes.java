package dev.keapgw.gateway.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionJson;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import dev.keapgw.gateway.token.RefreshFailures;
import dev.keapgw.gateway.token.TokenHealth;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Maton's connection endpoints for holders of an API key: {@code GET /connections} (filters
 * {@code app} and {@code status}, paged by {@code limit} and {@code next_token}),
 * {@code POST /connections} {@code {"app":...}}, {@code GET /connections/{id}} (with
 * {@code token_health} beside Maton's fields) and {@code DELETE /connections/{id}}; and the
 * gateway's own {@code POST /connections/{id}/reconnect} (a live connect link for an ACTIVE
 * connection, see {@link ConnectionService#connectUrl}).
 */
public final class ConnectionRoutes implements Feature {
  @Override
  public void mount(ControlRoutes routes, GatewayServices services) {
    ConnectionService connections = ConnectionService.of(services);
    routes.authenticated(HttpMethod.GET, "/connections", (ctx, p) -> {
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("connections");
      ConnectionService.Page page = connections.page(
          p.accountId(),
          ctx.request().getParam("app"),
          ctx.request().getParam("status"),
          ctx.request().getParam("limit"),
          ctx.request().getParam("next_token"));
      page.connections().forEach(c -> list.add(ConnectionJson.of(c, connections.connectUrl(c))));
      if (page.nextToken() != null) {
        out.put("next_token", page.nextToken());
      }
      return Reply.ok(out);
    });
    routes.authenticated(HttpMethod.POST, "/connections/:id/reconnect", (ctx, p) -> {
      Connection c = connections.get(p.accountId(), ctx.pathParam("id"));
      return Reply.ok(ConnectionJson.wrapped(c, connections.reconnectUrl(c)));
    });
    routes.authenticated(HttpMethod.POST, "/connections", (ctx, p) -> {
      Connection c = connections.create(p.accountId(), appOf(ctx));
      return Reply.created(ConnectionJson.wrapped(c, connections.connectUrl(c)));
    });
    routes.authenticated(HttpMethod.GET, "/connections/:id", (ctx, p) -> {
      Connection c = connections.get(p.accountId(), ctx.pathParam("id"));
      ObjectNode out = ConnectionJson.wrapped(c, connections.connectUrl(c));
      // beyond Maton's fields: how the connection's tokens are doing (docs/API.md)
      TokenHealth health = TokenHealth.of(
          c,
          RefreshFailures.of(services.db().jdbi(), p.accountId()).get(c.id()),
          services.config(),
          services.config().clock().instant());
      ((ObjectNode) out.get("connection")).set("token_health", health.json());
      return Reply.ok(out);
    });
    routes.authenticated(HttpMethod.DELETE, "/connections/:id", (ctx, p) -> {
      Connection c = connections.delete(p.accountId(), ctx.pathParam("id"));
      ObjectNode out = ConnectionJson.wrapped(c, null);
      out.put("deleted", true);
      return Reply.ok(out);
    });
  }

  private static String appOf(RoutingContext ctx) {
    JsonNode app = Json.callerObject(ctx.body().buffer()).get("app");
    if (app == null || app.isNull() || (app.isTextual() && app.asText().isEmpty())) {
      throw GatewayException.badRequest(
              "'app' is required: the app to connect, e.g. {\"app\":\"keap\"}")
          .with("field", "app");
    }
    if (!app.isTextual()) {
      throw GatewayException.badRequest("'app' must be a string, e.g. {\"app\":\"keap\"}")
          .with("field", "app");
    }
    return app.asText();
  }
}
