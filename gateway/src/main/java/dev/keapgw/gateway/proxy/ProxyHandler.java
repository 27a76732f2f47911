package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.config.AppConfig;
import dev.keapgw.gateway.connection.ConnectLinks;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.Failures;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.ErrorBody;
import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.ratelimit.AccountRateLimiter;
import dev.keapgw.gateway.ratelimit.UpstreamBudget;
import dev.keapgw.gateway.ratelimit.Verdict;
import dev.keapgw.gateway.token.TokenManager;
import dev.keapgw.gateway.token.TokenUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * The data plane: {@code /{app}/{path}} forwarded to the app's upstream with the connection's
 * access token. The whole way of a request, in order:
 *
 * <ol>
 *   <li>refuse unsafe paths, TRACE and CONNECT, targets that are not UTF-8, and ambiguous framing;
 *   <li>authenticate the API key;
 *   <li>find the app;
 *   <li>the account's rate limit;
 *   <li>choose the connection ({@code Maton-Connection}, else the oldest ACTIVE one);
 *   <li>the upstream client's budget;
 *   <li>get an access token (single-flight refresh when due);
 *   <li>forward (see {@link Forwarder}), with one refresh and one retry after an upstream 401.
 * </ol>
 *
 * Every error it makes is in the gateway's envelope; upstream answers pass through.
 */
public final class ProxyHandler implements Handler<HttpServerRequest> {
  private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
  private static final CharSequence RATE_LIMIT_LIMIT = HttpHeaders.createOptimized("X-RateLimit-Limit");
  private static final CharSequence RATE_LIMIT_REMAINING = HttpHeaders.createOptimized("X-RateLimit-Remaining");
  private static final CharSequence RATE_LIMIT_RESET = HttpHeaders.createOptimized("X-RateLimit-Reset");

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

  public ProxyHandler(java.time.Clock clock, Vertx vertx, ApiKeyAuthenticator auth, Map<String, AppConfig> apps,
      AccountRateLimiter accountLimits, UpstreamBudget budget, ConnectionSelector selector, TokenManager tokens,
      ConnectLinks links, Forwarder forwarder, io.micrometer.core.instrument.MeterRegistry registry,
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

  @Override
  public void handle(HttpServerRequest req) {
    Exchange x = new Exchange(req, RequestIds.of(req), System.nanoTime());
    HttpServerResponse res = req.response();
    res.putHeader(REQUEST_ID, x.requestId);
    res.endHandler(v -> finished(x, res.getStatusCode(), res.bytesWritten()));
    req.pause();
    String problem = PathGuard.problem(req.path());
    if (problem != null) {
      fail(x, GatewayException.badRequest("Invalid path: " + problem + "."));
      return;
    }
    if (req.method() == HttpMethod.TRACE || req.method() == HttpMethod.CONNECT) {
      // TRACE makes a server echo the request back, the injected token with it; CONNECT asks
      // for a tunnel. Neither belongs to a REST API.
      fail(x, new GatewayException(ErrorType.METHOD_NOT_ALLOWED, req.method().name()
          + " is not forwarded through the gateway; the API is used with GET, POST, PUT, PATCH and DELETE.")
          .header("Allow", "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE"));
      return;
    }
    if (RequestTarget.forUpstream(req.uri()) == null) {
      fail(x, GatewayException.badRequest("Invalid request target: it has raw bytes that are not UTF-8;"
          + " percent-encode them."));
      return;
    }
    if (req.headers().contains(HttpHeaders.CONTENT_LENGTH) && req.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      fail(x, GatewayException.badRequest("Send either Content-Length or Transfer-Encoding, not both."));
      return;
    }
    try {
      if (fastPath(x)) {
        return;
      }
    } catch (GatewayException e) {
      fail(x, e);
      return;
    }
    auth.authenticate(req.getHeader(HttpHeaders.AUTHORIZATION))
        .compose(p -> {
          x.principal = p;
          x.app = app(req.path());
          return limitAccount(x);
        })
        .compose(v -> selector.select(x.principal, x.app, req.getHeader(ConnectionSelector.HEADER)))
        .compose(c -> {
          x.connection = c;
          if (c.status() != ConnectionStatus.ACTIVE) {
            return Future.failedFuture(new TokenUnavailableException(c.status() == ConnectionStatus.PENDING
                ? TokenUnavailableException.Reason.PENDING : TokenUnavailableException.Reason.FAILED, c,
                c.status() == ConnectionStatus.PENDING
                    ? "The connection is not authorized yet: open its url to connect it."
                    : "The connection needs to be reconnected" + (c.failureReason() == null ? "" : " ("
                        + c.failureReason() + ")") + ": open its url.", null));
          }
          return spendBudget(x).compose(v -> tokens.token(c));
        })
        .compose(t -> {
          x.token = t;
          return forwarder.forward(x);
        })
        .onFailure(err -> fail(x, err));
  }

  /**
   * Serves the request without waiting on anything when the key, the connection and the token
   * are all in memory, as they are for nearly every request; false when a step needs the store
   * or a refresh (then the full way above runs).
   */
  private boolean fastPath(Exchange x) {
    HttpServerRequest req = x.request;
    var p = auth.cached(req.getHeader(HttpHeaders.AUTHORIZATION));
    if (p == null) {
      return false;
    }
    AppConfig app = app(req.path());
    var c = selector.cached(p, app, req.getHeader(ConnectionSelector.HEADER));
    if (c == null || c.status() != ConnectionStatus.ACTIVE) {
      return false;
    }
    var t = tokens.cached(c);
    if (t == null) {
      return false;
    }
    x.principal = p;
    x.app = app;
    x.connection = c;
    x.token = t;
    // the limiters answer at once unless they live in Redis: go on without a composition then
    Future<Void> admitted = limitAccount(x);
    Future<Void> budgeted = admitted.succeeded() ? spendBudget(x) : admitted.compose(v -> spendBudget(x));
    Future<Void> forwarded = budgeted.succeeded() ? forwarder.forward(x) : budgeted.compose(v -> forwarder.forward(x));
    forwarded.onFailure(err -> fail(x, err));
    return true;
  }

  private AppConfig app(String path) {
    String name = path.substring(1, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
    AppConfig app = apps.get(name);
    if (app == null) {
      throw new GatewayException(ErrorType.UNKNOWN_APP, "Unknown app '" + truncate(name) + "': this gateway serves "
          + String.join(", ", apps.keySet()) + ". Paths look like /keap/crm/rest/v2/contacts.");
    }
    return app;
  }

  private Future<Void> limitAccount(Exchange x) {
    Future<Verdict> v = accountLimits.tryAcquire(x.principal.accountId(), x.principal.account().rateLimitPerSecond());
    return v.succeeded() ? admitAccount(x, v.result()) : v.compose(r -> admitAccount(x, r));
  }

  private Future<Void> admitAccount(Exchange x, Verdict v) {
    HttpServerResponse res = x.request.response();
    res.putHeader(RATE_LIMIT_LIMIT, Long.toString(v.limit()));
    res.putHeader(RATE_LIMIT_REMAINING, Long.toString(Math.max(0, v.remaining())));
    res.putHeader(RATE_LIMIT_RESET, Long.toString(v.resetSeconds()));
    if (!v.allowed()) {
      metrics.rateLimited("account");
      return Future.failedFuture(new GatewayException(ErrorType.RATE_LIMITED, "Rate limit exceeded: this account may send "
          + accountLimits.rate(x.principal.account().rateLimitPerSecond()) + " requests per second, and up to "
          + v.limit() + " at once. Retry after " + v.retryAfterSeconds() + " s.")
          .header("Retry-After", Long.toString(v.retryAfterSeconds())));
    }
    return Future.succeededFuture();
  }

  private Future<Void> spendBudget(Exchange x) {
    if (!budget.enabled()) {
      return Future.succeededFuture();
    }
    Future<Verdict> v = budget.tryAcquire(x.app.name() + "|" + x.app.clientId());
    return v.succeeded() ? admitBudget(x, v.result()) : v.compose(r -> admitBudget(x, r));
  }

  private Future<Void> admitBudget(Exchange x, Verdict v) {
    if (!v.allowed()) {
      metrics.rateLimited("upstream_budget");
      return Future.failedFuture(new GatewayException(ErrorType.UPSTREAM_BUDGET_EXHAUSTED,
          "The gateway's shared request budget with " + x.app.name() + " (" + v.limit()
              + " per minute, to stay within the API's quota) is used up for now. Retry after "
              + v.retryAfterSeconds() + " s.")
          .header("Retry-After", Long.toString(v.retryAfterSeconds())));
    }
    return Future.succeededFuture();
  }

  private void fail(Exchange x, Throwable err) {
    HttpServerResponse res = x.request.response();
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
    }
    x.outcome = e.type().type();
    x.request.resume();
    ErrorBody.send(res, e, x.requestId);
  }

  private void notReady(Exchange x, TokenUnavailableException t) {
    vertx.executeBlocking(() -> t.connection() == null || t.reason() == TokenUnavailableException.Reason.BACKING_OFF
        ? null : links.currentUrl(t.connection()), false).onComplete(ar -> {
      GatewayException e = Failures.connectionNotReady(t.getMessage(),
          t.connection() == null ? null : t.connection().id(),
          t.reason() == TokenUnavailableException.Reason.BACKING_OFF ? "ACTIVE"
              : t.connection() != null && t.connection().status() == ConnectionStatus.PENDING ? "PENDING" : "FAILED",
          ar.succeeded() ? ar.result() : null,
          t.retryAt() == null ? null : java.time.Duration.between(clock.instant(), t.retryAt()));
      x.outcome = "connection_not_ready";
      x.request.resume();
      ErrorBody.send(x.request.response(), e, x.requestId);
    });
  }

  private void finished(Exchange x, int status, long bytes) {
    metrics.request(appLabel(x), status, System.nanoTime() - x.startNanos);
    accessLog.write(x, status, bytes);
  }

  /** The app for metrics: known apps by name, anything else as "unknown" (labels stay few). */
  private String appLabel(Exchange x) {
    if (x.app != null) {
      return x.app.name();
    }
    String p = x.request.path();
    int end = p.indexOf('/', 1);
    String first = p.substring(1, end < 0 ? p.length() : end);
    return apps.containsKey(first) ? first : "unknown";
  }

  private static String truncate(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "..." : s;
  }
}
