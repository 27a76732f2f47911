package dev.keapgw.gateway.console;

import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.feature.Running;
import dev.keapgw.gateway.ratelimit.Throttle;
import dev.keapgw.gateway.trigger.TriggerFeature;
import dev.keapgw.gateway.trigger.TriggerServices;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web console under {@code /console} (docs/CONSOLE.md): plain pages, scripts and styles
 * from the gateway's jar, and JSON endpoints under {@code /console/api}. An account signs in at
 * {@code /console} with an API key, the operator at {@code /console/admin} with the admin
 * token; every page but the two sign-in forms needs the session, and without one sends the
 * browser to its sign-in form. A browser opening the gateway's root is sent to the console.
 */
public final class ConsoleFeature implements Feature {
  /** The triggers feature's services, once the gateway has started its features. */
  private volatile TriggerServices triggers;

  @Override
  public void start(Running gateway) {
    triggers = gateway.feature(TriggerFeature.class).services();
  }

  @Override
  public void mount(ControlRoutes routes, GatewayServices services) {
    Router router = routes.router();
    ConsoleAssets assets = new ConsoleAssets();
    ConsoleSessions sessions = new ConsoleSessions(
        services.db().jdbi(),
        services.accountRepo(),
        services.config().clock(),
        services.config().adminToken());
    ConsoleMetrics metrics = new ConsoleMetrics(services.metrics());
    ConsoleGuard guard = new ConsoleGuard(sessions, metrics, services.config().publicUrl());

    router.get("/").handler(ctx -> {
      String accept = ctx.request().getHeader("Accept");
      if (accept != null && accept.contains("text/html")) {
        ConsoleHttp.redirect(ctx, "/console");
      } else {
        ctx.next();
      }
    });
    router.get("/console/assets/:name").handler(ctx -> {
      String name = ctx.pathParam("name");
      ConsoleAssets.Asset a = ConsoleAssets.ASSETS.contains(name) ? assets.get(name) : null;
      if (a == null) {
        ctx.next();
        return;
      }
      ConsoleHttp.file(ctx, a, false);
    });
    ConsoleSession.Kind account = ConsoleSession.Kind.ACCOUNT;
    ConsoleSession.Kind operator = ConsoleSession.Kind.OPERATOR;
    page(
        router,
        "/console",
        ctx -> guard.session(ctx, account).isPresent() ? "/console/connections" : null,
        assets.get("signin.html"));
    page(
        router,
        "/console/connections",
        ctx -> guard.session(ctx, account).isPresent() ? null : "/console",
        assets.get("connections.html"));
    page(
        router,
        "/console/traffic",
        ctx -> guard.session(ctx, account).isPresent() ? null : "/console",
        assets.get("traffic.html"));
    page(
        router,
        "/console/triggers",
        ctx -> guard.session(ctx, account).isPresent() ? null : "/console",
        assets.get("triggers.html"));
    page(
        router,
        "/console/admin",
        ctx -> guard.session(ctx, operator).isPresent() ? "/console/admin/overview" : null,
        assets.get("admin-signin.html"));
    page(
        router,
        "/console/admin/overview",
        ctx -> guard.session(ctx, operator).isPresent() ? null : "/console/admin",
        assets.get("operator.html"));

    ConsoleApi api = new ConsoleApi(
        router,
        guard,
        Throttle.wrongCredentials(
            "console-sign-in-failures", routes.buckets(), services.config().clock()),
        metrics);
    new AccountConsole(services, sessions, metrics).mount(api);
    new OperatorConsole(services, sessions, metrics).mount(api);
    new TriggerConsole(() -> triggers, ConnectionService.of(services), metrics).mount(api);
  }

  /**
   * A page: {@code redirect} answers where to send the browser instead (no session, or already
   * signed in), or null to show the page. Blocking (it reads the session).
   */
  private static void page(
      Router router,
      String path,
      java.util.function.Function<RoutingContext, String> redirect,
      ConsoleAssets.Asset page) {
    router
        .get(path)
        .blockingHandler(
            ctx -> {
              String elsewhere = redirect.apply(ctx);
              if (elsewhere != null) {
                ConsoleHttp.redirect(ctx, elsewhere);
              } else {
                ConsoleHttp.file(ctx, page, true);
              }
            },
            false);
  }
}
