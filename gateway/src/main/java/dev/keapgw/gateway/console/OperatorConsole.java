package dev.keapgw.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.account.ApiKey;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import dev.keapgw.gateway.store.Times;
import dev.keapgw.gateway.token.RefreshFailures;
import dev.keapgw.gateway.traffic.TrafficView;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.Map;

/**
 * The operator's console endpoints under {@code /console/api/admin}, behind an operator session
 * (opened with the admin token): accounts with their keys and rate limits, every connection's
 * health, the gateway's own state, its traffic; create an account or a key (its secret is in
 * that answer only), revoke a key, set a rate limit. The same services as the admin API.
 */
final class OperatorConsole {
  private static final ConsoleSession.Kind KIND = ConsoleSession.Kind.OPERATOR;

  private final GatewayServices services;
  private final ConsoleSessions sessions;
  private final ConsoleMetrics metrics;

  OperatorConsole(GatewayServices services, ConsoleSessions sessions, ConsoleMetrics metrics) {
    this.services = services;
    this.sessions = sessions;
    this.metrics = metrics;
  }

  void mount(ConsoleApi api) {
    api.signIn("/admin/session", "admin tokens", ctx -> {
      if (!sessions.operatorEnabled()) {
        throw GatewayException.notFound(
            "The operator's console is off: start the gateway with --admin-token"
                + " (or KEAPGW_ADMIN_TOKEN) to turn it on.");
      }
      var opened = sessions.operatorSignIn(
          AccountConsole.text(Json.callerObject(ctx.body().buffer()), "admin_token"));
      metrics.signIn(KIND, opened.isPresent());
      if (opened.isEmpty()) {
        throw new GatewayException(
            ErrorType.UNAUTHORIZED, "This is not the gateway's admin token.");
      }
      api.guard().setCookie(ctx, KIND, opened.get().token());
      metrics.countSessions(sessions, true);
      return Reply.ok(ConsoleJson.session(opened.get().session()));
    });
    api.route(HttpMethod.GET, "/admin/session", KIND, (ctx, s) -> Reply.ok(ConsoleJson.session(s)));
    api.route(HttpMethod.DELETE, "/admin/session", KIND, (ctx, s) -> {
      sessions.end(s);
      api.guard().clearCookie(ctx, KIND);
      metrics.signOut(KIND);
      metrics.countSessions(sessions, true);
      return Reply.ok(Json.object().put("signed_out", true));
    });
    api.route(HttpMethod.GET, "/admin/overview", KIND, (ctx, s) -> {
      metrics.countSessions(sessions, false);
      return Reply.ok(overview());
    });
    api.route(
        HttpMethod.GET,
        "/admin/traffic",
        KIND,
        (ctx, s) -> Reply.ok(ConsoleJson.traffic(
            services.traffic().gateway(), services.config().limits().accountBurst())));
    AccountService accounts = services.accounts();
    api.route(HttpMethod.POST, "/admin/accounts", KIND, (ctx, s) -> {
      AccountService.NewAccount made =
          accounts.createAccount(AccountConsole.text(body(ctx), "name"));
      metrics.action("account_create");
      return Reply.created(Json.object()
          .put("account_id", made.account().id())
          .put("key_id", made.key().key().id())
          .put("api_key", made.key().secret()));
    });
    api.route(HttpMethod.POST, "/admin/accounts/:id/keys", KIND, (ctx, s) -> {
      String name = AccountConsole.text(body(ctx), "name");
      AccountService.IssuedKey k =
          accounts.createKey(ctx.pathParam("id"), name == null || name.isBlank() ? null : name);
      metrics.action("key_create");
      return Reply.created(Json.object().put("key_id", k.key().id()).put("api_key", k.secret()));
    });
    api.route(HttpMethod.DELETE, "/admin/keys/:id", KIND, (ctx, s) -> {
      accounts.revokeKey(ctx.pathParam("id"));
      metrics.action("key_revoke");
      return Reply.ok(Json.object().put("key_id", ctx.pathParam("id")).put("revoked", true));
    });
    api.route(HttpMethod.PATCH, "/admin/accounts/:id", KIND, (ctx, s) -> {
      JsonNode v = body(ctx).get("rate_limit_per_second");
      if (v == null || !(v.isNull() || (v.isIntegralNumber() && v.canConvertToInt()))) {
        throw GatewayException.badRequest(
                "'rate_limit_per_second' must be a whole number, or null for the default")
            .with("field", "rate_limit_per_second");
      }
      Account a = accounts.setRateLimit(ctx.pathParam("id"), v.isNull() ? null : v.intValue());
      metrics.action("rate_limit");
      return Reply.ok(Json.object()
          .put("account_id", a.id())
          .put("rate_limit_per_second", a.rateLimitPerSecond()));
    });
  }

  private static ObjectNode body(io.vertx.ext.web.RoutingContext ctx) {
    return Json.callerObject(ctx.body().buffer());
  }

  private ObjectNode overview() {
    var config = services.config();
    Instant now = config.clock().instant();
    ConnectionService connections = ConnectionService.of(services);
    Map<String, RefreshFailures.Last> failures =
        RefreshFailures.of(services.db().jdbi(), null);
    Map<String, TrafficView.ConnectionCounts> traffic =
        ConsoleJson.byConnection(services.traffic().gateway());
    ObjectNode out = Json.object();
    ArrayNode accountList = out.putArray("accounts");
    ArrayNode connectionList = out.putArray("connections");
    for (Account a : services.accounts().accounts()) {
      ObjectNode ao = accountList
          .addObject()
          .put("id", a.id())
          .put("name", a.name())
          .put("rate_limit_per_second", a.rateLimitPerSecond())
          .put(
              "effective_rate_limit_per_second",
              a.rateLimitPerSecond() == null
                  ? config.limits().accountPerSecond()
                  : a.rateLimitPerSecond())
          .put("created_time", Times.iso(a.createdAt()));
      ArrayNode keys = ao.putArray("keys");
      for (ApiKey k : services.accountRepo().keys(a.id())) {
        keys.addObject()
            .put("id", k.id())
            .put("name", k.name())
            .put("created_time", Times.iso(k.createdAt()))
            .put("last_used_time", Times.iso(k.lastUsedAt()));
      }
      int n = 0;
      for (Connection c : connections.list(a.id(), null, null)) {
        ObjectNode co = ConsoleJson.connection(
            services, c, null, failures.get(c.id()), traffic.get(c.id()), now);
        co.putObject("account").put("id", a.id()).put("name", a.name());
        connectionList.add(co);
        n++;
      }
      ao.put("connections", n);
    }
    ObjectNode g = out.putObject("gateway");
    g.putObject("store")
        .put(
            "kind",
            services.db().embedded()
                ? "embedded"
                : services.db().postgres() ? "postgresql" : "external")
        .put("reachable", services.db().reachable());
    g.putObject("redis")
        .put("configured", config.redisUrl() != null)
        .put(
            "limits",
            config.redisUrl() != null ? "shared by every instance" : "kept in this instance");
    ObjectNode budget =
        g.putObject("upstream_budget").put("per_minute", config.limits().upstreamQuotaPerMinute());
    TrafficView.Counts total = services.traffic().gateway().total();
    long lastMinute = 0;
    for (int c = 0; c < 4; c++) {
      lastMinute += total.byClass()[c][total.byClass()[c].length - 1];
    }
    budget.put("requests_this_minute", lastMinute);
    g.putObject("rate_limits")
        .put("default_per_second", config.limits().accountPerSecond())
        .put("burst", config.limits().accountBurst());
    ArrayNode problems = g.putArray("problems");
    services.readiness().problems().forEach(problems::add);
    ArrayNode apps = g.putArray("apps");
    config.apps().keySet().stream().sorted().forEach(apps::add);
    return out;
  }
}
