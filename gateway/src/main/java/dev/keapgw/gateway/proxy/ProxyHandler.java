package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.account.Principal;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.ConnectLinks;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.Failures;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.ErrorBody;
import dev.keapgw.gateway.http.FramingGuard;
import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.ratelimit.AccountRateLimiter;
import dev.keapgw.gateway.ratelimit.UpstreamBudget;
import dev.keapgw.gateway.ratelimit.Verdict;
import dev.keapgw.gateway.token.ActiveToken;
import dev.keapgw.gateway.token.TokenManager;
import dev.keapgw.gateway.token.TokenUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;
import java.util.function.Function;

/**
 * The data plane: {@code /{app}/{path}} forwarded to the app's upstream with the connection's
 * access token. The whole way of a request, in order:
 *
 * <ol>
 *   <li>refuse what cannot be forwarded safely ({@link Refusals});
 *   <li>authenticate the API key;
 *   <li>find the app;
 *   <li>the account's rate limit;
 *   <li>choose the connection ({@code Maton-Connection}, else the oldest ACTIVE one); one that is not ACTIVE is a 424;
 *   <li>the upstream client's budget;
 *   <li>get an access token (single-flight refresh when due);
 *   <li>forward (see {@link Forwarder}), with one refresh and one retry after an upstream 401.
 * </ol>
 *
 * Every error it makes is in the gateway's envelope; upstream answers pass through.
 */
public final class ProxyHandler {
  private static final CharSequence RATE_LIMIT_LIMIT =
      HttpHeaders.createOptimized("X-RateLimit-Limit");
  private static final CharSequence RATE_LIMIT_REMAINING =
      HttpHeaders.createOptimized("X-RateLimit-Remaining");
  private static final CharSequence RATE_LIMIT_RESET =
      HttpHeaders.createOptimized("X-RateLimit-Reset");

  private final Vertx vertx;
  private final ApiKeyAuthenticator auth;
  private final Map<String, AppConfig> apps;
  private final AccountRateLimiter accountLimits;
  private final UpstreamBudget budget;
  private final ConnectionSelector selector;
  private final TokenManager tokens;
  private final ConnectLinks links;
  private final Forwarder forwarder;
  private final ProxyMetrics metrics;
  private final java.time.Clock clock;
  private final AccessLog accessLog;

  public ProxyHandler(
      java.time.Clock clock,
      Vertx vertx,
      ApiKeyAuthenticator auth,
      Map<String, AppConfig> apps,
      AccountRateLimiter accountLimits,
      UpstreamBudget budget,
      ConnectionSelector selector,
      TokenManager tokens,
      ConnectLinks links,
      Forwarder forwarder,
      io.micrometer.core.instrument.MeterRegistry registry,
      AccessLog accessLog) {
    this.clock = clock;
    this.vertx = vertx;
    this.auth = auth;
    this.apps = apps;
    this.accountLimits = accountLimits;
    this.budget = budget;
    this.selector = selector;
    this.tokens = tokens;
    this.links = links;
    this.forwarder = forwarder;
    this.metrics = new ProxyMetrics(registry);
    this.accessLog = accessLog;
  }

  /**
   * Runs the steps for a request whose path's first segment, {@code appName}, is not a
   * reserved one. Each step that can wait returns a future; when it is already complete (the
   * key, the connection and the token in memory, the limiters local: nearly every request) the
   * next step runs at once, without a composition.
   */
  public void handle(HttpServerRequest req, String appName) {
    Exchange x = new Exchange(req, appName, RequestIds.of(req), System.nanoTime());
    x.via = CallerOrigin.of(req);
    HttpServerResponse res = req.response();
    res.putHeader(RequestIds.HEADER_NAME, x.requestId);
    res.endHandler(v -> finished(x, res.getStatusCode(), res.bytesWritten()));
    res.exceptionHandler(err -> callerFailed(x, err));
    req.pause();
    // 1. refuse what cannot be forwarded safely, whoever sends it
    GatewayException refused = Refusals.of(req);
    if (refused != null) {
      fail(x, refused);
      return;
    }
    // 2. authenticate the API key
    Future<Principal> caller = auth.authenticate(req.getHeader(HttpHeaders.AUTHORIZATION));
    Future<Void> admitted = then(caller, p -> {
      x.principal = p;
      // 3. find the app by the path's first segment
      x.app = app(x.appName);
      // 4. the account's rate limit
      return limitAccount(x);
    });
    // 5. choose the connection: Maton-Connection, else the account's oldest ACTIVE one
    Future<Connection> chosen = then(
        admitted,
        v -> selector.select(x.principal, x.app, req.getHeader(ConnectionSelector.HEADER)));
    Future<Void> budgeted = then(chosen, c -> {
      x.connection = c;
      TokenUnavailableException notActive = TokenUnavailableException.unlessActive(c);
      // 6. the upstream client's budget, spent only on a connection that can be used
      return notActive != null ? Future.failedFuture(notActive) : spendBudget(x);
    });
    // 7. an access token: from memory when fresh, else one refresh per connection at a time
    Future<ActiveToken> token = then(budgeted, v -> tokens.token(x.connection));
    // 8. forward, streaming both ways (Forwarder)
    then(token, t -> {
          x.token = t;
          // answered already (the caller's body was malformed while the steps ran): nothing goes
          // upstream
          return res.ended() ? Future.<Void>succeededFuture() : forwarder.forward(x);
        })
        .onFailure(err -> fail(x, err));
  }

  /** {@code next} applied to the outcome of {@code step}: at once when it has succeeded already, else when it does. */
  private static <T, U> Future<U> then(Future<T> step, Function<T, Future<U>> next) {
    if (!step.succeeded()) {
      return step.compose(next);
    }
    try {
      return next.apply(step.result());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private AppConfig app(String name) {
    AppConfig app = apps.get(name);
    if (app == null) {
      throw new GatewayException(
          ErrorType.UNKNOWN_APP,
          "Unknown app '" + truncate(name) + "': this gateway serves "
              + String.join(", ", apps.keySet()) + ". Paths look like /keap/crm/rest/v2/contacts.");
    }
    return app;
  }

  private Future<Void> limitAccount(Exchange x) {
    Future<Verdict> v = accountLimits.tryAcquire(
        x.principal.accountId(), x.principal.account().rateLimitPerSecond());
    return v.succeeded() ? admitAccount(x, v.result()) : v.compose(r -> admitAccount(x, r));
  }

  private Future<Void> admitAccount(Exchange x, Verdict v) {
    HttpServerResponse res = x.request.response();
    res.putHeader(RATE_LIMIT_LIMIT, Long.toString(v.limit()));
    res.putHeader(RATE_LIMIT_REMAINING, Long.toString(Math.max(0, v.remaining())));
    res.putHeader(RATE_LIMIT_RESET, Long.toString(v.resetSeconds()));
    if (!v.allowed()) {
      metrics.rateLimited("account");
      return Future.failedFuture(new GatewayException(
              ErrorType.RATE_LIMITED,
              "Rate limit exceeded: this account may send "
                  + accountLimits.rate(x.principal.account().rateLimitPerSecond())
                  + " requests per second, and up to "
                  + v.limit() + " at once. Retry after " + v.retryAfterSeconds() + " s.")
          .header("Retry-After", Long.toString(v.retryAfterSeconds())));
    }
    return Future.succeededFuture();
  }

  private Future<Void> spendBudget(Exchange x) {
    if (!budget.enabled()) {
      return Future.succeededFuture();
    }
    Future<UpstreamBudget.Outcome> o = budget.acquire(x.budgetClient(), x.principal.accountId());
    return o.succeeded() ? admitBudget(x, o.result()) : o.compose(r -> admitBudget(x, r));
  }

  private Future<Void> admitBudget(Exchange x, UpstreamBudget.Outcome o) {
    if (o.allowed()) {
      return Future.succeededFuture();
    }
    Verdict v = o.verdict();
    String what = o.refusal() == UpstreamBudget.Refusal.SHARE
        ? "This account's share of the gateway's request budget with " + x.app.name() + " ("
            + o.activeAccounts() + " accounts are using it, each gets an equal part of "
            + budget.perSecond() + " per second)"
        : "The gateway's shared request budget with " + x.app.name() + " (" + budget.perSecond()
            + " per second and " + budget.perMinute()
            + " per minute, to stay within the API's quota)";
    metrics.rateLimited(
        o.refusal() == UpstreamBudget.Refusal.SHARE ? "upstream_share" : "upstream_budget");
    return Future.failedFuture(new GatewayException(
            ErrorType.UPSTREAM_BUDGET_EXHAUSTED,
            what + " is used up for now. Retry after " + v.retryAfterSeconds() + " s.")
        .header("Retry-After", Long.toString(v.retryAfterSeconds())));
  }

  /**
   * The caller's connection failed while the exchange ran. A malformed body is the caller's
   * mistake: answered 400 at once (Vert.x closes the connection right after this handler; the
   * upstream connection the body streamed to is closed too, so nothing incomplete is carried
   * out). Anything else (the caller went away) leaves nobody to answer.
   */
  private void callerFailed(Exchange x, Throwable err) {
    if (err instanceof FramingGuard.MalformedBody m) {
      fail(
          x,
          GatewayException.badRequest(
                  "The request body could not be read: " + m.getMessage()
                      + ". The request was not carried out; send the body again, chunked correctly or with Content-Length.")
              .closingConnection());
      FramingGuard.flushNow(x.request.connection());
    }
  }

  private void fail(Exchange x, Throwable err) {
    HttpServerResponse res = x.request.response();
    if (res.ended()) {
      return; // answered already: a later failure of the same exchange changes nothing
    }
    if (res.headWritten()) {
      // the answer has begun: it must not look complete
      x.outcome = "reset_after_headers";
      res.reset();
      return;
    }
    if (err instanceof TokenUnavailableException t) {
      notReady(x, t);
      return;
    }
    GatewayException e = Failures.answer(err, "the data plane", x.requestId);
    if (e.type() == ErrorType.UPSTREAM_UNREACHABLE || e.type() == ErrorType.UPSTREAM_TIMEOUT) {
      metrics.upstreamError(e.type().type());
    } else if (e.type() == ErrorType.UPSTREAM_BUSY) {
      metrics.rateLimited("upstream_pool");
    }
    x.outcome = e.type().type();
    x.request.resume();
    ErrorBody.send(x.request, e, x.requestId);
  }

  private void notReady(Exchange x, TokenUnavailableException t) {
    vertx
        .executeBlocking(
            () ->
                t.connection() == null || t.reason() == TokenUnavailableException.Reason.BACKING_OFF
                    ? null
                    : links.currentUrl(t.connection()),
            false)
        .onComplete(ar -> {
          GatewayException e = Failures.connectionNotReady(
              t.getMessage(),
              t.connection() == null ? null : t.connection().id(),
              t.reason() == TokenUnavailableException.Reason.BACKING_OFF
                  ? "ACTIVE"
                  : t.connection() != null && t.connection().status() == ConnectionStatus.PENDING
                      ? "PENDING"
                      : "FAILED",
              ar.succeeded() ? ar.result() : null,
              t.retryAt() == null
                  ? null
                  : java.time.Duration.between(clock.instant(), t.retryAt()));
          x.outcome = "connection_not_ready";
          x.request.resume();
          ErrorBody.send(x.request.response(), e, x.requestId);
        });
  }

  private void finished(Exchange x, int status, long bytes) {
    if (x.bodyTimer >= 0 && x.request.isEnded()) {
      vertx.cancelTimer(x.bodyTimer);
      x.bodyTimer = -1;
    }
    metrics.request(appLabel(x), status, System.nanoTime() - x.startNanos);
    accessLog.write(x, status, bytes);
  }

  /** The app for metrics: known apps by name, anything else as "unknown" (labels stay few). */
  private String appLabel(Exchange x) {
    return x.app != null ? x.app.name() : apps.containsKey(x.appName) ? x.appName : "unknown";
  }

  private static String truncate(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "..." : s;
  }
}
