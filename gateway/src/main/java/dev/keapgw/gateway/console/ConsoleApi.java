package dev.keapgw.gateway.console;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Reply;
import dev.keapgw.gateway.ratelimit.Throttle;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Mounting of the console's JSON endpoints under {@code /console/api}: on worker threads (they
 * use the store), with the console's headers, behind a session of the given kind, and for a
 * change behind {@link ConsoleGuard#checkChange}. Errors go to the gateway's one envelope.
 */
final class ConsoleApi {
  private final Router router;
  private final ConsoleGuard guard;
  private final Throttle throttle;
  private final ConsoleMetrics metrics;

  ConsoleApi(Router router, ConsoleGuard guard, Throttle throttle, ConsoleMetrics metrics) {
    this.router = router;
    this.guard = guard;
    this.throttle = throttle;
    this.metrics = metrics;
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

  /**
   * A sign-in endpoint: a change without a session yet (Origin and body type still checked).
   * Wrong credentials ({@code what}: "API keys", "admin tokens") are slowed per address by the
   * numbers as the admin API's ({@link Throttle#wrongCredentials}, cluster-wide with Redis): past
   * its allowance the address is refused
   * (429 with Retry-After) before its credential is looked at; a handler refuses a wrong one
   * with a 401, which is what the throttle counts.
   */
  void signIn(String path, String what, Function<RoutingContext, Reply> handler) {
    router
        .route(HttpMethod.POST, "/console/api" + path)
        .blockingHandler(
            ctx -> {
              ConsoleHttp.secure(ctx.response(), true);
              guard.checkChange(ctx, null);
              String address = ctx.request().remoteAddress() == null
                  ? null
                  : ctx.request().remoteAddress().host();
              long wait = await(throttle.waitNanos(address), 0L);
              if (wait > 0) {
                metrics.refused("throttled");
                throw Throttle.refusal(what, wait);
              }
              Reply reply;
              try {
                reply = handler.apply(ctx);
              } catch (GatewayException e) {
                if (e.type() == ErrorType.UNAUTHORIZED) {
                  // counted before the answer, so that the next try (on any instance) sees it
                  await(throttle.spend(address), true);
                }
                throw e;
              }
              ConsoleHttp.json(ctx, reply.status(), reply.body());
            },
            false);
  }

  /**
   * The throttle's answer, waited for on this worker thread (the store may be Redis); when the
   * store fails, {@code otherwise}: a throttle that cannot count does not lock people out.
   */
  private static <T> T await(Future<T> f, T otherwise) {
    try {
      return f.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return otherwise;
    } catch (ExecutionException e) {
      return otherwise;
    }
  }
}
