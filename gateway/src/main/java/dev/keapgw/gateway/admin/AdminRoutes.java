package dev.keapgw.gateway.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.account.Account;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.connection.ConnectionCaps;
import dev.keapgw.gateway.connections.GrantDisposal;
import dev.keapgw.gateway.crypto.KeyRotation;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import io.vertx.core.http.HttpMethod;

/**
 * The operator's API under {@code /admin}, behind the admin token ({@link AdminGuard}):
 * accounts, their API keys, their rate limits and their caps on connections. A key's secret
 * appears only in the answer that creates it. Deleting an account removes its keys and
 * connections with it, erasing their secrets and giving up their grants upstream.
 */
public final class AdminRoutes implements Feature {
  @Override
  public void mount(ControlRoutes routes, GatewayServices services) {
    routes
        .router()
        .routeWithRegex("^/admin(/.*)?$")
        .handler(new AdminGuard(
            services.config().adminToken(),
            AdminGuard.throttle(routes.buckets(), services.config().clock())));
    AccountService accounts = services.accounts();

    routes.open(HttpMethod.POST, "/admin/accounts", ctx -> {
      AccountService.NewAccount created =
          accounts.createAccount(AdminBodies.requiredText(AdminBodies.body(ctx), "name"));
      ObjectNode out = AdminJson.wrap("account", AdminJson.account(created.account()));
      out.set("key", AdminJson.key(created.key().key()));
      ((ObjectNode) out.get("account")).setAll(AdminJson.caps(ConnectionCaps.DEFAULTS));
      out.put("api_key", created.key().secret());
      return Reply.created(out);
    });
    routes.open(HttpMethod.GET, "/admin/accounts", ctx -> {
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("accounts");
      accounts.accounts().forEach(a -> list.add(AdminJson.account(a, caps(services, a.id()))));
      return Reply.ok(out);
    });
    routes.open(
        HttpMethod.GET,
        "/admin/accounts/:id",
        ctx -> Reply.ok(AdminJson.wrap(
            "account",
            AdminJson.account(
                accounts.account(ctx.pathParam("id")), caps(services, ctx.pathParam("id"))))));
    routes.open(HttpMethod.PATCH, "/admin/accounts/:id", ctx -> {
      ObjectNode body = AdminBodies.body(ctx);
      AdminBodies.requireASetting(body);
      String id = ctx.pathParam("id");
      Boolean mcpReadOnly = AdminBodies.mcpReadOnly(body);
      Integer limit = AdminBodies.rateLimit(body);
      ConnectionCaps caps = services.connectionRepo().caps(id).orElseThrow(() -> noAccount(id));
      ConnectionCaps wanted = new ConnectionCaps(
          body.has("max_connections")
              ? AdminBodies.wholeNumber(body, "max_connections", ConnectionCaps.MAX)
              : caps.all(),
          body.has("max_pending_connections")
              ? AdminBodies.wholeNumber(body, "max_pending_connections", ConnectionCaps.MAX)
              : caps.pending());
      Account a = accounts.account(id);
      if (body.has(AdminBodies.RATE_LIMIT)) {
        a = accounts.setRateLimit(a.id(), limit);
      }
      if (mcpReadOnly != null) {
        a = accounts.setMcpReadOnly(a.id(), mcpReadOnly);
      }
      services.connectionRepo().setCaps(id, wanted);
      return Reply.ok(AdminJson.wrap("account", AdminJson.account(a, wanted)));
    });
    routes.open(HttpMethod.DELETE, "/admin/accounts/:id", ctx -> {
      Account a = accounts.account(ctx.pathParam("id"));
      ConnectionCaps caps = caps(services, a.id());
      var held = services.connectionRepo().list(a.id(), null, null);
      accounts.deleteAccount(a.id());
      GrantDisposal.of(services).dispose(held);
      return Reply.ok(AdminJson.wrap("account", AdminJson.account(a, caps)).put("deleted", true));
    });

    routes.open(HttpMethod.POST, "/admin/accounts/:id/keys", ctx -> {
      String name = AdminBodies.optionalText(AdminBodies.body(ctx), "name");
      if (name != null && name.isBlank()) {
        throw AdminBodies.invalid(
            "name", "'name' must not be empty when given; leave it out for the default name");
      }
      AccountService.IssuedKey k = accounts.createKey(ctx.pathParam("id"), name);
      return Reply.created(
          AdminJson.wrap("key", AdminJson.key(k.key())).put("api_key", k.secret()));
    });
    routes.open(HttpMethod.GET, "/admin/accounts/:id/keys", ctx -> {
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("keys");
      accounts.keys(ctx.pathParam("id")).forEach(k -> list.add(AdminJson.key(k)));
      return Reply.ok(out);
    });
    routes.open(HttpMethod.DELETE, "/admin/keys/:key_id", ctx -> {
      String id = ctx.pathParam("key_id");
      accounts.revokeKey(id);
      return Reply.ok(AdminJson.wrap("key", Json.object().put("id", id)).put("revoked", true));
    });
    // Key rotation: seal every stored secret again with the primary encryption key; once the
    // answer says complete, the old keys can be removed from the configuration.
    routes.open(HttpMethod.POST, "/admin/encryption/reencrypt", ctx -> {
      KeyRotation.Result r = new KeyRotation(
              services.db().jdbi(), services.secrets(), services.config().keys())
          .reencryptAll();
      return Reply.ok(Json.object()
          .put("primary_key_id", services.config().keys().primaryId())
          .put("reencrypted", r.reencrypted())
          .put("already_primary", r.alreadyPrimary())
          .put("unreadable", r.unreadable())
          .put("skipped", r.skipped())
          .put("complete", r.complete()));
    });
  }

  private static ConnectionCaps caps(GatewayServices services, String accountId) {
    return services.connectionRepo().caps(accountId).orElse(ConnectionCaps.DEFAULTS);
  }

  private static GatewayException noAccount(String id) {
    return GatewayException.notFound("No account with id " + id);
  }
}
