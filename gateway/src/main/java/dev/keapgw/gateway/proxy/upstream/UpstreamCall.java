package dev.keapgw.gateway.proxy.upstream;

import dev.keapgw.gateway.error.UpstreamException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.ArrayDeque;

/**
 * One request to the upstream and its answer, on one pooled connection.
 *
 * <p>The request goes out whole when its body is held (or empty), else its body streams from the
 * caller as it arrives, the caller paused while the connection cannot take more. The call
 * completes {@link #answered()} when the answer's head arrives (informational 1xx answers are
 * skipped); its body then goes to the caller with {@link #pipeTo} (reads from the upstream
 * paused while the caller cannot take more) or is dropped with {@link #discard}. The connection
 * goes back to its pool when both ways ended cleanly and the upstream keeps it alive; on any
 * failure it is closed, never reused.
 *
 * <p>Everything here runs on the connection's event loop, which is the caller's; what the
 * connection delivers is handed on inside the caller's Vert.x context.
 */
public final class UpstreamCall {
  private final ContextInternal context;
  private final HttpRequest head;
  private final Buffer body;
  private final HttpServerRequest stream;
  private final PromiseInternal<UpstreamCall> answered;
  private final Handler<Object> reader = this::read;

  private Channel channel;
  private UpstreamChannel handler;
  private HttpResponse response;
  private boolean skippingInformational;
  private boolean requestSent;
  private boolean finished;
  private boolean cancelled;
  private boolean readsPaused;
  private long lastActivity;
  private UpstreamException.Kind failedAs;
  private Throwable failure;

  private HttpServerResponse sink;
  private boolean discarding;
  private PromiseInternal<Void> bodyDone;
  private ArrayDeque<HttpContent> early;
  private UpstreamException broken;

  /**
   * A call for {@code head}, whose body is {@code body} when held (null: none) or streams from
   * {@code stream} (null: not streamed).
   */
  UpstreamCall(ContextInternal context, HttpRequest head, Buffer body, HttpServerRequest stream) {
    this.context = context;
    this.head = head;
    this.body = body;
    this.stream = stream;
    this.answered = context.promise();
  }

  /** Completes with this call once the answer's head arrived; fails when the exchange did. */
  public Future<UpstreamCall> answered() {
    return answered.future();
  }

  public int status() {
    return response.status().code();
  }

  public String reason() {
    return response.status().reasonPhrase();
  }

  public HttpHeaders headers() {
    return response.headers();
  }

  /** Streams the answer's body into {@code res} and ends it; fails when the answer broke off. */
  public Future<Void> pipeTo(HttpServerResponse res) {
    bodyDone = context.promise();
    if (broken != null) {
      bodyDone.fail(broken);
      return bodyDone.future();
    }
    sink = res;
    res.closeHandler(v -> abort());
    res.drainHandler(v -> resumeReads());
    drainEarly();
    return bodyDone.future();
  }

  /** Reads the answer's body to its end and drops it, so that the connection can be reused. */
  public Future<Void> discard() {
    bodyDone = context.promise();
    if (broken != null) {
      bodyDone.fail(broken);
      return bodyDone.future();
    }
    discarding = true;
    drainEarly();
    return bodyDone.future();
  }

  /** Hands on what arrived before the body had a place to go. */
  private void drainEarly() {
    HttpContent c;
    while (early != null && (c = early.pollFirst()) != null) {
      consume(c);
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
    if (stream != null && !requestSent) {
      context.emit(null, v -> stream.resume());
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
      return timeoutNanos; // the upstream is not being waited for (yet), or the caller is the slow
      // one
    }
    return timeoutNanos - (now - lastActivity);
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
    if (stream != null) {
      streamBody();
      return;
    }
    ByteBuf content = body == null
        ? Unpooled.EMPTY_BUFFER
        : Unpooled.unreleasableBuffer(((BufferInternal) body).getByteBuf());
    requestSent = true;
    lastActivity = System.nanoTime();
    ch.writeAndFlush(
        new DefaultFullHttpRequest(
            head.protocolVersion(),
            head.method(),
            head.uri(),
            content,
            head.headers(),
            EmptyHttpHeaders.INSTANCE),
        ch.voidPromise());
  }

  private void streamBody() {
    channel.write(head, channel.voidPromise());
    stream.handler(chunk -> {
      channel.writeAndFlush(
          new DefaultHttpContent(
              Unpooled.unreleasableBuffer(((BufferInternal) chunk).getByteBuf())),
          channel.voidPromise());
      if (!channel.isWritable()) {
        stream.pause();
      }
    });
    stream.endHandler(v -> {
      requestSent = true;
      if (lastActivity == 0) {
        lastActivity = System.nanoTime();
      }
      channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
    });
    stream.exceptionHandler(err -> {
      failure(err);
      channel.close();
    });
    stream.response().closeHandler(v -> abort());
    stream.resume();
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
      if (code == 101 || response != null) {
        fail(
            UpstreamException.Kind.PROTOCOL,
            new IllegalStateException("unexpected " + code + " answer"));
        return;
      }
      response = r;
      lastActivity = System.nanoTime();
      answered.complete(this);
    }
    if (msg instanceof HttpContent c) {
      if (skippingInformational) {
        skippingInformational = !(c instanceof LastHttpContent);
        c.release();
        return;
      }
      lastActivity = System.nanoTime();
      consume(c);
    }
  }

  /** A piece of the answer's body: to the caller, dropped, or kept until one of those is chosen. */
  private void consume(HttpContent c) {
    if (sink != null) {
      deliver(c);
    } else if (discarding) {
      boolean last = c instanceof LastHttpContent;
      c.release();
      if (last) {
        bodyDone.complete();
        end(true);
      }
    } else {
      if (early == null) {
        early = new ArrayDeque<>(2);
      }
      early.addLast(c);
    }
  }

  private void deliver(HttpContent c) {
    if (finished) {
      c.release();
      return;
    }
    boolean last = c instanceof LastHttpContent;
    ByteBuf content = c.content();
    Buffer chunk = null;
    if (content.isReadable()) {
      chunk = BufferInternal.safeBuffer(
          content); // copied off the connection's buffer, which is released
    } else {
      c.release();
    }
    try {
      if (last) {
        end(true); // first: ending the response runs its close handler (Vert.x 5), which must find
        // the call over
        if (chunk == null) {
          sink.end();
        } else {
          sink.end(chunk);
        }
        bodyDone.complete();
      } else {
        sink.write(chunk);
        if (sink.writeQueueFull()) {
          pauseReads();
        }
      }
    } catch (IllegalStateException callerGone) {
      abort();
    }
  }

  private void pauseReads() {
    readsPaused = true;
    channel.config().setAutoRead(false);
  }

  private void resumeReads() {
    if (readsPaused && !finished) {
      readsPaused = false;
      lastActivity = System.nanoTime();
      channel.config().setAutoRead(true);
    }
  }

  /** Gives the call up, its caller answered otherwise (a body too late): as {@link #abort}, or unused. */
  public void cancel() {
    if (channel == null) {
      cancelled = true;
    } else {
      abort();
    }
  }

  /** The caller went away: the upstream connection is closed, mid-request or mid-answer. */
  private void abort() {
    if (!finished) {
      fail(
          UpstreamException.Kind.BROKEN_ANSWER,
          new IllegalStateException("the caller closed its connection"));
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
        : response == null
            ? UpstreamException.Kind.CLOSED_BEFORE_ANSWER
            : UpstreamException.Kind.BROKEN_ANSWER;
    if (kind == UpstreamException.Kind.PROTOCOL && response != null) {
      kind = UpstreamException.Kind.BROKEN_ANSWER;
    }
    UpstreamException e = UpstreamException.of(kind, failure);
    end(false);
    if (response == null) {
      answered.tryFail(e);
    } else if (bodyDone != null) {
      bodyDone.tryFail(e);
    } else {
      broken = e;
    }
  }

  /** Ends the call: the connection goes back to the pool when it can carry another request, else it is closed. */
  private void end(boolean clean) {
    finished = true;
    handler.carry(null);
    if (stream != null && !requestSent) {
      // the upstream answered (or failed) before the caller's body was all sent: the rest is not
      // forwarded
      stream.handler(null);
      stream.endHandler(null);
    }
    if (early != null) {
      early.forEach(ReferenceCountUtil::release);
      early.clear();
    }
    if (clean && requestSent && HttpUtil.isKeepAlive(response) && channel.isActive()) {
      if (readsPaused) {
        readsPaused = false;
        channel.config().setAutoRead(true);
      }
      handler.pool().release(channel);
    } else {
      channel.close();
    }
  }
}
