package dev.keapgw.gateway.console;

import dev.keapgw.gateway.http.Reply;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiFunction;

/**
 * Mounting of the console's JSON endpoints under {@code /console/api}: on worker threads (they
 * use the store), with the console's headers, behind a session of the given kind, and for a
 * change behind {@link ConsoleGuard#checkChange}. Errors go to the gateway's one envelope.
 */
final class ConsoleApi {
  private final Router router;
  private final ConsoleGuard guard;

  ConsoleApi(Router router, ConsoleGuard guard) {
    this.router = router;
    this.guard = guard;
  }

  ConsoleGuard guard() {
    return guard;
  }

  /** An endpoint for a signed-in session of {@code kind}. */
  void route(
      HttpMethod method,
      String path,
      ConsoleSession.Kind kind,
      BiFunction<RoutingContext, ConsoleSession, Reply> handler) {
    router
        .route(method, "/console/api" + path)
        .blockingHandler(
            ctx -> {
              ConsoleHttp.secure(ctx.response(), true);
              ConsoleSession s = guard.require(ctx, kind);
              guard.checkChange(ctx, s);
              Reply reply = handler.apply(ctx, s);
              ConsoleHttp.json(ctx, reply.status(), reply.body());
            },
            false);
  }

  /** A sign-in endpoint: a change without a session yet (Origin and body type still checked). */
  void signIn(String path, java.util.function.Function<RoutingContext, Reply> handler) {
    router
        .route(HttpMethod.POST, "/console/api" + path)
        .blockingHandler(
            ctx -> {
              ConsoleHttp.secure(ctx.response(), true);
              guard.checkChange(ctx, null);
              Reply reply = handler.apply(ctx);
              ConsoleHttp.json(ctx, reply.status(), reply.body());
            },
            false);
  }
}
