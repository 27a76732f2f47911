package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.Failures;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.error.UpstreamException;
import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.proxy.upstream.UpstreamAnswer;
import dev.keapgw.gateway.proxy.upstream.UpstreamCall;
import dev.keapgw.gateway.proxy.upstream.UpstreamClient;
import dev.keapgw.gateway.proxy.upstream.UpstreamRequest;
import dev.keapgw.gateway.ratelimit.UpstreamBudget;
import dev.keapgw.gateway.token.TokenManager;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends one exchange upstream and streams the answer back.
 *
 * <p>Bodies stream both ways; a request body of at most {@link #MAX_REPLAYABLE_BODY} bytes is
 * held so that the request can be sent again: once after the upstream answered 401 (with a
 * refreshed token), and once when a pooled connection turns out to have been closed by the
 * upstream before it answered an idempotent request (as nginx does). An answer that breaks off
 * after its headers were sent is cut off, never completed.
 *
 * <p>A request body has a deadline, from when forwarding starts: a caller that has not sent all
 * of it by then is answered 408 and its connection closed (so is the upstream connection its
 * body was streaming to), whatever the pace it sends at; a slow upload cannot hold an upstream
 * connection as long as it likes.
 */
public final class Forwarder {
  static final long MAX_REPLAYABLE_BODY = 64 * 1024;
  private static final Set<HttpMethod> IDEMPOTENT = Set.of(
      HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);
  private static final Set<HttpMethod> CARRIES_CONTENT =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

  private final UpstreamClient client;
  private final TokenManager tokens;
  private final UpstreamBudget budget;
  private final long bodyDeadlineMillis;

  /**
   * @param budget the shared upstream budget: a retry is an upstream request too, and spends it
   * @param bodyDeadline how long a caller may take to send its request body
   */
  public Forwarder(
      UpstreamClient client, TokenManager tokens, UpstreamBudget budget, Duration bodyDeadline) {
    this.client = client;
    this.tokens = tokens;
    this.budget = budget;
    this.bodyDeadlineMillis = Math.max(1, bodyDeadline.toMillis());
  }

  /**
   * Whether the shared budget allows one more upstream request of this exchange (a retry); told
   * to {@code then} on the exchange's event loop (a budget kept in Redis may answer elsewhere).
   */
  private void budgetForRetry(Exchange x, Consumer<Boolean> then) {
    if (!budget.enabled()) {
      then.accept(true);
      return;
    }
    budget
        .acquire(x.budgetClient(), x.principal.accountId())
        .onComplete(
            ar -> onLoop(x, () -> then.accept(ar.succeeded() && ar.result().allowed())));
  }

  /**
   * Runs {@code step} on the exchange's own event-loop context: at once when this is it, else
   * there. Every step of forwarding runs there, so the exchange is never touched by two threads.
   */
  private static void onLoop(Exchange x, Runnable step) {
    if (Vertx.currentContext() == x.context) {
      step.run();
    } else {
      x.context.runOnContext(v -> step.run());
    }
  }

  /** Forwards the exchange; the future fails only with what the caller must be answered instead. */
  Future<Void> forward(Exchange x) {
    Promise<Void> done = Promise.promise();
    if (Vertx.currentContext() == x.context) { // nearly always: no step to allocate
      start(x, done);
    } else {
      x.context.runOnContext(v -> start(x, done));
    }
    return done.future();
  }

  private void start(Exchange x, Promise<Void> done) {
    try {
      HttpServerRequest req = x.request;
      boolean chunked = req.headers().contains(HttpHeaders.TRANSFER_ENCODING);
      // read once: the deadline, the holding of a small body and every attempt's framing use it
      x.bodyLength = parseLength(req.getHeader(HttpHeaders.CONTENT_LENGTH));
      boolean bodyToCome = chunked || x.bodyLength > 0;
      if (bodyToCome && !req.isEnded()) {
        // on the exchange's context (forwarding runs there): the timer fires there
        x.bodyTimer = x.context.owner().setTimer(bodyDeadlineMillis, id -> bodyLate(x, done));
      }
      Future<Void> body = readBody(x, chunked);
      if (body.succeeded()) {
        attempt(x, done);
      } else {
        body.onComplete(ar -> {
          if (ar.succeeded()) {
            attempt(x, done);
          } else { // the caller's connection broke off mid-body: nothing was sent upstream
            done.tryFail(
                GatewayException.badRequest("The request body broke off before it was complete."));
          }
        });
      }
    } catch (RuntimeException e) {
      done.tryFail(e); // answered as an internal error, never left without an answer
    }
  }

  /**
   * The body's deadline passed: unless the body has all come, the caller is answered 408 (or,
   * when an answer has begun already, its connection closed), which also closes the upstream
   * connection the body was going to.
   */
  private void bodyLate(Exchange x, Promise<Void> done) {
    x.bodyTimer = -1;
    if (x.request.isEnded()) {
      return;
    }
    if (x.request.response().headWritten() || done.future().isComplete()) {
      x.outcome = "request_body_late";
      x.request.connection().close(); // answered already (the upstream did not wait for the rest)
      return;
    }
    if (x.call != null) {
      x.call.cancel(); // the upstream connection its body was streaming to is closed, not left
      // waiting
    }
    done.tryFail(new GatewayException(
            ErrorType.REQUEST_TIMEOUT,
            "The request body did not arrive within "
                + (bodyDeadlineMillis % 1000 == 0
                    ? bodyDeadlineMillis / 1000 + " s"
                    : bodyDeadlineMillis + " ms")
                + "; nothing more of it is read and the connection is closed. Send the whole body at once.")
        .closingConnection());
  }

  /** Holds a small body (replayable); leaves a large or unsized one to stream. */
  private static Future<Void> readBody(Exchange x, boolean chunked) {
    HttpServerRequest req = x.request;
    long n = x.bodyLength;
    if (!chunked && n <= 0) {
      x.replayable = true;
      return Future.succeededFuture();
    }
    if (!chunked && n <= MAX_REPLAYABLE_BODY) {
      Future<Void> read = req.body().map(b -> {
        x.body = b;
        x.replayable = true;
        return null;
      });
      req.resume();
      return read;
    }
    x.replayable = false;
    return Future.succeededFuture();
  }

  /** Sends the request once more (the first time, after a stale connection, after a 401) and answers from what comes back. */
  private void attempt(Exchange x, Promise<Void> done) {
    x.attempts++;
    send(x).onComplete(ar -> {
      if (ar.succeeded()) {
        respond(x, ar.result(), done);
      } else if (ar.cause() instanceof UpstreamException u
          && u.staleConnection()
          && x.replayable
          && x.attempts < 2
          && IDEMPOTENT.contains(x.request.method())) {
        budgetForRetry(x, allowed -> {
          if (allowed) {
            attempt(x, done);
          } else {
            done.tryFail(Failures.upstream(ar.cause(), x.app.name()));
          }
        });
      } else {
        done.tryFail(Failures.upstream(ar.cause(), x.app.name()));
      }
    });
  }

  private Future<UpstreamAnswer> send(Exchange x) {
    HttpServerRequest req = x.request;
    UpstreamRequest up = new UpstreamRequest(req.method(), x.upstreamUri());
    Headers.toUpstream(req.headers(), up);
    up.set(HttpHeaders.AUTHORIZATION, "Bearer " + x.token.accessToken());
    up.set(RequestIds.HEADER_NAME, x.requestId);
    if (x.body != null) {
      up.body(x.body);
    } else if (!x.replayable) {
      up.stream(req, x.bodyLength);
    } else if (CARRIES_CONTENT.contains(req.method())
        || req.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
      up.emptyBody();
    }
    UpstreamCall call = client.send(x.context, client.origin(x.app.upstreamUrl()), up);
    x.call = call;
    return call.answered();
  }

  private void respond(Exchange x, UpstreamAnswer upstream, Promise<Void> done) {
    x.upstreamStatus = upstream.status();
    if (upstream.status() == 401 && x.connection != null && !x.retriedAfter401) {
      // a 401 to a retry is the upstream's answer: passed on, never a second refresh
      String rejected = x.token.accessToken();
      boolean mayRetry = tokens.mayRetryAfterRejection(x.connection.id(), rejected);
      if (x.replayable && mayRetry) {
        x.retriedAfter401 = true;
        x.attempts = 0;
        budgetForRetry(x, allowed -> {
          if (!allowed) {
            answer(x, upstream, done); // the budget is spent: the 401 as it is
            return;
          }
          upstream
              .discard()
              .recover(err -> Future.failedFuture(Failures.upstream(err, x.app.name())))
              .compose(ignored -> tokens.afterRejection(x.connection.id(), rejected))
              .onSuccess(t -> {
                x.token = t;
                x.outcome = "retried_after_401";
                attempt(x, done);
              })
              .onFailure(done::tryFail);
        });
        return;
      }
      if (mayRetry) {
        // not replayable: answer the 401 as it is, and have a fresh token ready for the next
        // request
        tokens.afterRejection(x.connection.id(), rejected);
      }
    }
    answer(x, upstream, done);
  }

  /** Streams the upstream's answer to the caller. */
  private void answer(Exchange x, UpstreamAnswer upstream, Promise<Void> done) {
    HttpServerResponse res = x.request.response();
    res.setStatusCode(upstream.status());
    res.setStatusMessage(upstream.reason());
    Headers.toCaller(upstream, res.headers());
    String hint = PathHint.forAnswer(x.app.name(), x.pathAfterApp(), upstream.status());
    if (hint != null) {
      res.putHeader(PathHint.HEADER, hint);
      x.outcome = PathHint.OUTCOME;
    }
    String length = upstream.header(HttpHeaders.CONTENT_LENGTH);
    boolean bodiless = x.request.method() == HttpMethod.HEAD
        || upstream.status() == 204
        || upstream.status() == 304;
    if (length != null) {
      res.putHeader(HttpHeaders.CONTENT_LENGTH, length);
    } else if (!bodiless) {
      res.setChunked(true);
    }
    upstream.pipeTo(res).onComplete(ar -> {
      if (ar.failed()) {
        x.outcome = "upstream_broke_mid_body"; // cut off, never completed
        res.reset();
      }
      done.tryComplete();
    });
  }

  private static long parseLength(String s) {
    if (s == null) {
      return -1;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
