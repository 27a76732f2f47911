package dev.keapgw.gateway.proxy.upstream;

import dev.keapgw.gateway.error.UpstreamException;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;

/**
 * One exchange with the upstream on one pooled connection: the {@link UpstreamRequest} written
 * (whole, or streaming from the caller), then the answer read. The call completes
 * {@link #answered()} when the answer's head arrives (informational 1xx answers are skipped); the
 * {@link UpstreamAnswer} then takes its body. The connection goes back to its pool when both ways
 * ended cleanly and the upstream keeps it alive; on any failure it is closed, never reused.
 *
 * <p>Everything here runs on the connection's event loop, which is the caller's; what the
 * connection delivers is handed on inside the caller's Vert.x context.
 */
public final class UpstreamCall {
  private final ContextInternal context;
  private final UpstreamRequest request;
  private final PromiseInternal<UpstreamAnswer> answered;
  private final Handler<Object> reader = this::read;

  private Channel channel;
  private UpstreamChannel handler;
  private UpstreamAnswer answer;
  private boolean skippingInformational;
  private boolean requestSent;
  private boolean finished;
  private boolean cancelled;
  private boolean readsPaused;
  private long lastActivity;
  private UpstreamException.Kind failedAs;
  private Throwable failure;

  UpstreamCall(ContextInternal context, UpstreamRequest request) {
    this.context = context;
    this.request = request;
    this.answered = context.promise();
  }

  /** Completes with the answer once its head arrived; fails when the exchange did. */
  public Future<UpstreamAnswer> answered() {
    return answered.future();
  }

  /** Gives the call up, its caller answered otherwise (a body too late): as {@link #abort}, or unused. */
  public void cancel() {
    if (channel == null) {
      cancelled = true;
    } else {
      abort();
    }
  }

  // ---- from the pool, on the event loop

  void start(Channel ch) {
    context.emit(ch, this::send);
  }

  /** The call ends before it had a connection (none could be made, or none came free in time). */
  void notStarted(UpstreamException e) {
    context.emit(e, c -> {
      finished = true;
      answered.tryFail(c);
    });
  }

  // ---- from the connection's handler, on the event loop

  void received(Object msg) {
    context.emit(msg, reader);
  }

  void closed() {
    context.emit(null, v -> onClosed());
  }

  void writable() {
    if (request.streamed() && !requestSent) {
      context.emit(null, v -> request.resumeStream());
    }
  }

  void failure(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
  }

  void timedOut() {
    failedAs = UpstreamException.Kind.TIMEOUT;
    channel.close();
  }

  /** How long the call may still wait for the upstream; the clock runs from the request's end, on every read. */
  long timeLeft(long now, long timeoutNanos) {
    if (finished || lastActivity == 0 || readsPaused) {
      // the upstream is not being waited for (yet), or the caller is the slow one
      return timeoutNanos;
    }
    return timeoutNanos - (now - lastActivity);
  }

  // ---- from the request and the answer

  /** The request has been written to its end: the wait for the answer starts. */
  void requestEnded() {
    requestSent = true;
    if (lastActivity == 0) {
      lastActivity = System.nanoTime();
    }
  }

  <T> PromiseInternal<T> promise() {
    return context.promise();
  }

  boolean finished() {
    return finished;
  }

  void pauseReads() {
    readsPaused = true;
    channel.config().setAutoRead(false);
  }

  void resumeReads() {
    if (readsPaused && !finished) {
      readsPaused = false;
      lastActivity = System.nanoTime();
      channel.config().setAutoRead(true);
    }
  }

  /** The caller went away: the upstream connection is closed, mid-request or mid-answer. */
  void abort() {
    if (!finished) {
      fail(
          UpstreamException.Kind.BROKEN_ANSWER,
          new IllegalStateException("the caller closed its connection"));
    }
  }

  /** Ends the call: the connection goes back to the pool when it can carry another request, else it is closed. */
  void end(boolean clean) {
    finished = true;
    handler.carry(null);
    if (!requestSent) {
      request.stopStreaming();
    }
    if (answer != null) {
      answer.releaseEarly();
    }
    if (clean && requestSent && answer.keepAlive() && channel.isActive()) {
      if (readsPaused) {
        readsPaused = false;
        channel.config().setAutoRead(true);
      }
      handler.pool().release(channel);
    } else {
      channel.close();
    }
  }

  // ---- the request

  private void send(Channel ch) {
    if (cancelled) { // given up while it waited: the connection goes back unused
      notStarted(UpstreamException.of(UpstreamException.Kind.BROKEN_ANSWER, null));
      ch.pipeline().get(UpstreamChannel.class).pool().release(ch);
      return;
    }
    channel = ch;
    handler = ch.pipeline().get(UpstreamChannel.class);
    handler.carry(this);
    request.write(ch, this);
  }

  // ---- the answer

  private void read(Object msg) {
    if (finished) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      fail(UpstreamException.Kind.PROTOCOL, o.decoderResult().cause());
      return;
    }
    if (msg instanceof HttpResponse r) {
      int code = r.status().code();
      if (code >= 100 && code < 200 && code != 101) {
        skippingInformational = true; // 100 Continue, 103 Early Hints: the final answer follows
        return;
      }
      if (code == 101 || answer != null) {
        fail(
            UpstreamException.Kind.PROTOCOL,
            new IllegalStateException("unexpected " + code + " answer"));
        return;
      }
      answer = new UpstreamAnswer(this, r);
      lastActivity = System.nanoTime();
      answered.complete(answer);
    }
    if (msg instanceof HttpContent c) {
      if (skippingInformational) {
        skippingInformational = !(c instanceof LastHttpContent);
        c.release();
        return;
      }
      if (answer == null) { // a body without a head: not HTTP/1.1 the proxy can pass on
        c.release();
        fail(
            UpstreamException.Kind.PROTOCOL, new IllegalStateException("a body before any answer"));
        return;
      }
      lastActivity = System.nanoTime();
      answer.consume(c);
    }
  }

  private void fail(UpstreamException.Kind kind, Throwable cause) {
    failedAs = kind;
    failure(cause);
    channel.close();
  }

  private void onClosed() {
    if (finished) {
      return;
    }
    UpstreamException.Kind kind = failedAs != null
        ? failedAs
        : answer == null
            ? UpstreamException.Kind.CLOSED_BEFORE_ANSWER
            : UpstreamException.Kind.BROKEN_ANSWER;
    if (kind == UpstreamException.Kind.PROTOCOL && answer != null) {
      kind = UpstreamException.Kind.BROKEN_ANSWER;
    }
    UpstreamException e = UpstreamException.of(kind, failure);
    end(false);
    if (answer == null) {
      answered.tryFail(e);
    } else {
      answer.broke(e);
    }
  }
}
