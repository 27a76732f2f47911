package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.token.TokenManager;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Sends one exchange upstream and streams the answer back.
 *
 * <p>Bodies stream both ways; a request body of at most {@link #MAX_REPLAYABLE_BODY} bytes is
 * held so that the request can be sent again: once after the upstream answered 401 (with a
 * refreshed token), and once when a pooled connection turns out to have been closed by the
 * upstream before it answered an idempotent request (as nginx does). An answer that breaks off
 * after its headers were sent is cut off, never completed.
 */
public final class Forwarder {
  static final long MAX_REPLAYABLE_BODY = 64 * 1024;
  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

  private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
  private final HttpClient client;
  private final TokenManager tokens;
  private final Duration connectTimeout;
  private final Duration responseTimeout;

  public Forwarder(HttpClient client, TokenManager tokens, Duration connectTimeout, Duration responseTimeout) {
    this.client = client;
    this.tokens = tokens;
    this.connectTimeout = connectTimeout;
    this.responseTimeout = responseTimeout;
  }

  Future<Void> forward(Exchange x) {
    Future<Void> body = readBody(x);
    return (body.succeeded() ? send(x) : body.compose(v -> send(x))).compose(resp -> respond(x, resp));
  }

  /** Holds a small body (replayable); leaves a large or unsized one to stream. */
  private static Future<Void> readBody(Exchange x) {
    HttpServerRequest req = x.request;
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    boolean chunked = req.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    long n = parseLength(length);
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

  private Future<HttpClientResponse> send(Exchange x) {
    x.attempts++;
    URI up = x.app.upstreamUrl();
    boolean tls = "https".equalsIgnoreCase(up.getScheme());
    RequestOptions o = new RequestOptions()
        .setMethod(x.request.method())
        .setHost(up.getHost())
        .setPort(up.getPort() > 0 ? up.getPort() : (tls ? 443 : 80))
        .setSsl(tls)
        .setURI(x.upstreamUri())
        .setConnectTimeout(connectTimeout.toMillis())
        .setIdleTimeout(responseTimeout.toMillis());
    return client.request(o).compose(upReq -> transmit(x, upReq).compose(Future::succeededFuture, err -> {
      if (UpstreamFailure.isStaleConnection(err) && x.replayable && x.attempts < 2
          && IDEMPOTENT.contains(x.request.method())) {
        return send(x);
      }
      return Future.failedFuture(err instanceof dev.keapgw.gateway.http.GatewayException ? err
          : UpstreamFailure.exchanging(err, x.app.name()));
    }), err -> Future.failedFuture(UpstreamFailure.connecting(err, x.app.name())));
  }

  private static Future<HttpClientResponse> transmit(Exchange x, HttpClientRequest upReq) {
    Headers.toUpstream(x.request.headers(), upReq.headers());
    upReq.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + x.token.accessToken());
    upReq.putHeader(REQUEST_ID, x.requestId);
    if (x.body != null) {
      upReq.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(x.body.length()));
      return upReq.send(x.body);
    }
    if (x.replayable) {
      return upReq.send();
    }
    long n = parseLength(x.request.getHeader(HttpHeaders.CONTENT_LENGTH));
    if (n > 0) {
      upReq.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(n));
    } else {
      upReq.setChunked(true);
    }
    x.request.response().closeHandler(v -> upReq.reset());
    return upReq.send(x.request);
  }

  private Future<Void> respond(Exchange x, HttpClientResponse resp) {
    x.upstreamStatus = resp.statusCode();
    if (resp.statusCode() == 401 && x.connection != null) {
      String rejected = x.token.accessToken();
      if (x.replayable && !x.retriedAfter401) {
        x.retriedAfter401 = true;
        x.attempts = 0;
        return resp.body().compose(ignored -> tokens.afterRejection(x.connection.id(), rejected))
            .compose(t -> {
              x.token = t;
              x.outcome = "retried_after_401";
              return send(x);
            })
            .compose(again -> respond(x, again));
      }
      // not replayable: answer the 401 as it is, and have a fresh token ready for the next request
      tokens.afterRejection(x.connection.id(), rejected);
    }
    HttpServerResponse res = x.request.response();
    res.setStatusCode(resp.statusCode());
    if (resp.statusMessage() != null) {
      res.setStatusMessage(resp.statusMessage());
    }
    Headers.toCaller(resp.headers(), res.headers());
    String length = resp.getHeader(HttpHeaders.CONTENT_LENGTH);
    boolean bodiless = x.request.method() == HttpMethod.HEAD || resp.statusCode() == 204 || resp.statusCode() == 304;
    if (length != null) {
      res.putHeader(HttpHeaders.CONTENT_LENGTH, length);
    } else if (!bodiless) {
      res.setChunked(true);
    }
    return resp.pipe().endOnFailure(false).to(res).recover(err -> {
      x.outcome = "upstream_broke_mid_body";
      resp.request().reset();
      res.reset();
      return Future.succeededFuture();
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
