package dev.keapgw.gateway.proxy.upstream;

import dev.keapgw.gateway.error.UpstreamException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * An upstream's answer: its head as it arrived (status, reason, headers, read in place, never
 * copied), and its body, which goes to the caller with {@link #pipeTo} (reads from the upstream
 * paused while the caller cannot take more) or is dropped with {@link #discard}. Whatever of the
 * body arrives before one of those is chosen is kept until then.
 *
 * <p>Everything here runs on the exchange's event loop.
 */
public final class UpstreamAnswer {
  private final UpstreamCall call;
  private final HttpResponse head;

  private HttpServerResponse sink;
  private boolean discarding;
  private PromiseInternal<Void> bodyDone;
  private ArrayDeque<HttpContent> early;
  private UpstreamException broken;

  UpstreamAnswer(UpstreamCall call, HttpResponse head) {
    this.call = call;
    this.head = head;
  }

  public int status() {
    return head.status().code();
  }

  public String reason() {
    return head.status().reasonPhrase();
  }

  /** The header's first value, or null. */
  public String header(CharSequence name) {
    return head.headers().get(name);
  }

  /** Every value of the header, in order (empty when absent). */
  public List<String> headerValues(CharSequence name) {
    return head.headers().getAll(name);
  }

  /** Every header as it arrived, names and values as the characters the decoder read (already checked by it). */
  public Iterable<Map.Entry<CharSequence, CharSequence>> headers() {
    return head.headers()::iteratorCharSequence;
  }

  /** Streams the body into {@code res} and ends it; fails when the answer broke off. */
  public Future<Void> pipeTo(HttpServerResponse res) {
    bodyDone = call.promise();
    if (broken != null) {
      bodyDone.fail(broken);
      return bodyDone.future();
    }
    sink = res;
    res.closeHandler(v -> call.abort());
    res.drainHandler(v -> call.resumeReads());
    drainEarly();
    return bodyDone.future();
  }

  /** Reads the body to its end and drops it, so that the connection can be reused. */
  public Future<Void> discard() {
    bodyDone = call.promise();
    if (broken != null) {
      bodyDone.fail(broken);
      return bodyDone.future();
    }
    discarding = true;
    drainEarly();
    return bodyDone.future();
  }

  // ---- from the call

  /** Whether the upstream keeps the connection open for another request. */
  boolean keepAlive() {
    return HttpUtil.isKeepAlive(head);
  }

  /** A piece of the body: to the caller, dropped, or kept until one of those is chosen. */
  void consume(HttpContent c) {
    if (sink != null) {
      deliver(c);
    } else if (discarding) {
      boolean last = c instanceof LastHttpContent;
      c.release();
      if (last) {
        bodyDone.complete();
        call.end(true);
      }
    } else {
      if (early == null) {
        early = new ArrayDeque<>(2);
      }
      early.addLast(c);
    }
  }

  /** The answer broke off: said to whoever takes the body, now or when it asks. */
  void broke(UpstreamException e) {
    if (bodyDone != null) {
      bodyDone.tryFail(e);
    } else {
      broken = e;
    }
  }

  /** Drops what was kept (the call ended). */
  void releaseEarly() {
    if (early != null) {
      early.forEach(ReferenceCountUtil::release);
      early.clear();
    }
  }

  /** Hands on what arrived before the body had a place to go. */
  private void drainEarly() {
    HttpContent c;
    while (early != null && (c = early.pollFirst()) != null) {
      consume(c);
    }
  }

  private void deliver(HttpContent c) {
    if (call.finished()) {
      c.release();
      return;
    }
    boolean last = c instanceof LastHttpContent;
    ByteBuf content = c.content();
    Buffer chunk = null;
    if (content.isReadable()) {
      // copied off the connection's buffer, which is released
      chunk = BufferInternal.safeBuffer(content);
    } else {
      c.release();
    }
    try {
      if (last) {
        // first: ending the response runs its close handler (Vert.x 5), which must find the call
        // over
        call.end(true);
        if (chunk == null) {
          sink.end();
        } else {
          sink.end(chunk);
        }
        bodyDone.complete();
      } else {
        sink.write(chunk);
        if (sink.writeQueueFull()) {
          call.pauseReads();
        }
      }
    } catch (IllegalStateException callerGone) {
      call.abort();
    }
  }
}
