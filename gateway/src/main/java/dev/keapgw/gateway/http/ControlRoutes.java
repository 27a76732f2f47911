package dev.keapgw.gateway.http;

import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.account.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Mounting of control-plane endpoints: JSON in, JSON out, run on worker threads (they use the
 * store), errors in the gateway's envelope. {@link #authenticated} endpoints first resolve the
 * caller's API key into a {@link Principal}.
 */
public final class ControlRoutes {
  private final Router router;
  private final ApiKeyAuthenticator auth;

  public ControlRoutes(Router router, ApiKeyAuthenticator auth) {
    this.router = router;
    this.auth = auth;
  }

  public Router router() {
    return router;
  }

  /** An endpoint any caller may use (the admin API checks its own token). */
  public void open(HttpMethod method, String path, Function<RoutingContext, Reply> handler) {
    router.route(method, path).blockingHandler(ctx -> send(ctx, handler.apply(ctx)), false);
  }

  /** An endpoint for holders of an API key. */
  public void authenticated(HttpMethod method, String path, BiFunction<RoutingContext, Principal, Reply> handler) {
    router.route(method, path).handler(ctx -> auth.authenticate(ctx.request().getHeader("Authorization"))
        .onSuccess(p -> {
          ctx.put("principal", p);
          ctx.next();
        })
        .onFailure(ctx::fail));
    router.route(method, path).blockingHandler(ctx -> send(ctx, handler.apply(ctx, ctx.get("principal"))), false);
  }

  private static void send(RoutingContext ctx, Reply reply) {
    ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(Json.bytes(reply.body())));
  }
}
