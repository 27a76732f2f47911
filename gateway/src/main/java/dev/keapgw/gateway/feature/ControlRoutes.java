package dev.keapgw.gateway.feature;

import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.account.Principal;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import dev.keapgw.gateway.ratelimit.AccountRateLimiter;
import dev.keapgw.gateway.ratelimit.BucketStore;
import io.vertx.core.Future;
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

  private final AccountRateLimiter limits;
  private final BucketStore buckets;

  /**
   * @param limits the accounts' request rates, shared with the data plane; null for none
   * @param buckets where limits live (Redis for a cluster): features make their throttles on it
   */
  public ControlRoutes(
      Router router, ApiKeyAuthenticator auth, AccountRateLimiter limits, BucketStore buckets) {
    this.router = router;
    this.auth = auth;
    this.limits = limits;
    this.buckets = buckets;
  }

  public Router router() {
    return router;
  }

  /**
   * Where the gateway's limits live: a feature's attempt limits made on it with
   * {@link dev.keapgw.gateway.ratelimit.Throttle#of} hold for a whole cluster when Redis is configured.
   */
  public BucketStore buckets() {
    return buckets;
  }

  /** An endpoint any caller may use (the admin API checks its own token). */
  public void open(HttpMethod method, String path, Function<RoutingContext, Reply> handler) {
    router.route(method, path).blockingHandler(ctx -> send(ctx, handler.apply(ctx)), false);
  }

  /**
   * An endpoint for holders of an API key. Each call counts against the account's request
   * rate, the same one the data plane spends, and a call over it answers 429 with
   * {@code Retry-After} before the handler runs.
   */
  public void authenticated(
      HttpMethod method, String path, BiFunction<RoutingContext, Principal, Reply> handler) {
    router
        .route(method, path)
        .handler(ctx -> auth.authenticate(ctx.request().getHeader("Authorization"))
            .compose(p -> admit(ctx, p))
            .onSuccess(p -> {
              ctx.put("principal", p);
              ctx.next();
            })
            .onFailure(ctx::fail));
    router
        .route(method, path)
        .blockingHandler(ctx -> send(ctx, handler.apply(ctx, ctx.get("principal"))), false);
  }

  private Future<Principal> admit(RoutingContext ctx, Principal p) {
    if (limits == null) {
      return Future.succeededFuture(p);
    }
    return limits.tryAcquire(p.accountId(), p.account().rateLimitPerSecond()).compose(v -> {
      ctx.response()
          .putHeader("X-RateLimit-Limit", Long.toString(v.limit()))
          .putHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, v.remaining())))
          .putHeader("X-RateLimit-Reset", Long.toString(v.resetSeconds()));
      if (!v.allowed()) {
        return Future.failedFuture(new GatewayException(
                ErrorType.RATE_LIMITED,
                "Rate limit exceeded: this account"
                    + " may send " + v.limit()
                    + " requests per second, control-plane calls included. Retry after "
                    + v.retryAfterSeconds() + " s.")
            .header("Retry-After", Long.toString(v.retryAfterSeconds())));
      }
      return Future.succeededFuture(p);
    });
  }

  private static void send(RoutingContext ctx, Reply reply) {
    ctx.response()
        .setStatusCode(reply.status())
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(Json.bytes(reply.body())));
  }
}
