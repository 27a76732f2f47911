package dev.keapgw.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import dev.keapgw.gateway.token.RefreshFailures;
import dev.keapgw.gateway.traffic.TrafficView;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.Map;

/**
 * The account's console endpoints: sign in with an API key and out, its connections (list with
 * health, create, reconnect, delete) and its traffic. Everything is scoped by the session's
 * account, through the same services the API uses, so another account's connection answers as
 * an unknown id does.
 */
final class AccountConsole {
  private static final ConsoleSession.Kind KIND = ConsoleSession.Kind.ACCOUNT;

  private final GatewayServices services;
  private final ConsoleSessions sessions;
  private final ConsoleMetrics metrics;
  private final ConnectionService connections;

  AccountConsole(GatewayServices services, ConsoleSessions sessions, ConsoleMetrics metrics) {
    this.services = services;
    this.sessions = sessions;
    this.metrics = metrics;
    this.connections = ConnectionService.of(services);
  }

  void mount(ConsoleApi api) {
    api.signIn("/session", "API keys", ctx -> {
      String key = text(Json.callerObject(ctx.body().buffer()), "api_key");
      var opened = sessions.signIn(key);
      metrics.signIn(KIND, opened.isPresent());
      if (opened.isEmpty()) {
        throw new GatewayException(
            ErrorType.UNAUTHORIZED,
            "This API key is not valid here: it is unknown or was revoked.");
      }
      api.guard().setCookie(ctx, KIND, opened.get().token());
      metrics.countSessions(sessions, true);
      return Reply.ok(ConsoleJson.session(opened.get().session()));
    });
    api.route(HttpMethod.GET, "/session", KIND, (ctx, s) -> Reply.ok(ConsoleJson.session(s)));
    api.route(HttpMethod.DELETE, "/session", KIND, (ctx, s) -> {
      sessions.end(s);
      api.guard().clearCookie(ctx, KIND);
      metrics.signOut(KIND);
      metrics.countSessions(sessions, true);
      return Reply.ok(Json.object().put("signed_out", true));
    });
    api.route(HttpMethod.GET, "/connections", KIND, (ctx, s) -> {
      metrics.countSessions(sessions, false);
      Instant now = services.config().clock().instant();
      Map<String, RefreshFailures.Last> failures =
          RefreshFailures.of(services.db().jdbi(), s.accountId());
      Map<String, TrafficView.ConnectionCounts> traffic =
          ConsoleJson.byConnection(services.traffic().account(s.accountId()));
      ObjectNode out = Json.object();
      out.putObject("account").put("id", s.accountId()).put("name", s.accountName());
      ArrayNode list = out.putArray("connections");
      for (Connection c : connections.list(s.accountId(), null, null)) {
        list.add(ConsoleJson.connection(
            services,
            c,
            c.isActive() ? null : connections.connectUrl(c),
            failures.get(c.id()),
            traffic.get(c.id()),
            now));
      }
      ArrayNode apps = out.putArray("apps");
      services.config().apps().keySet().stream().sorted().forEach(apps::add);
      return Reply.ok(out);
    });
    api.route(HttpMethod.POST, "/connections", KIND, (ctx, s) -> {
      String app = text(Json.callerObject(ctx.body().buffer()), "app");
      if (app == null && services.config().apps().size() == 1) {
        app = services.config().apps().keySet().iterator().next();
      }
      Connection c = connections.create(s.accountId(), app);
      ObjectNode out = Json.object();
      out.set(
          "connection",
          ConsoleJson.connection(
              services,
              c,
              connections.connectUrl(c),
              null,
              null,
              services.config().clock().instant()));
      return Reply.created(out);
    });
    api.route(HttpMethod.POST, "/connections/:id/reconnect", KIND, (ctx, s) -> {
      Connection c = connections.get(s.accountId(), ctx.pathParam("id"));
      return Reply.ok(
          Json.object().put("connection_id", c.id()).put("url", connections.connectUrl(c)));
    });
    api.route(HttpMethod.DELETE, "/connections/:id", KIND, (ctx, s) -> {
      Connection c = connections.delete(s.accountId(), ctx.pathParam("id"));
      return Reply.ok(Json.object().put("connection_id", c.id()).put("deleted", true));
    });
    api.route(HttpMethod.GET, "/traffic", KIND, (ctx, s) -> {
      ObjectNode out = ConsoleJson.traffic(
          services.traffic().account(s.accountId()), services.config().limits().accountBurst());
      out.putObject("account").put("id", s.accountId()).put("name", s.accountName());
      return Reply.ok(out);
    });
  }

  /** A string field of a console body: null when absent, 400 when of another type. */
  static String text(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw GatewayException.badRequest("'" + field + "' must be a string").with("field", field);
    }
    return v.asText();
  }
}
