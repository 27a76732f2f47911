package dev.keapgw.gateway.proxy.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Set;

/**
 * One request for an upstream: its method, target, headers and body, and how it goes on the wire.
 *
 * <p>The headers are put straight into the container the client writes, so a request's headers
 * are copied once, from the caller's. A caller's header is added only when it can be sent on as
 * it is ({@link #addIfSendable}); the gateway's own ({@link #set}) are trusted. The framing
 * ({@code Content-Length} or chunked) follows from how the body is given: held ({@link #body}),
 * streamed from the caller ({@link #stream}), empty but announced ({@link #emptyBody}), or none.
 * {@code Host} is the origin's, set when the request is sent.
 *
 * <p>Made and sent on the event loop of the exchange it belongs to; one request is sent once (a
 * retry sends a new one).
 */
public final class UpstreamRequest {
  /** Checked as they are added ({@link #addIfSendable}), or the gateway's own: not checked again. */
  private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory()
      .withNameValidation(false)
      .withValueValidation(false);

  private final io.netty.handler.codec.http.HttpMethod method;
  private final String target;
  private final HttpHeaders headers = HEADERS.newHeaders();
  private Buffer body;
  private HttpServerRequest stream;

  /** A request for {@code target}, the request target exactly as it goes on the request line. */
  public UpstreamRequest(HttpMethod method, String target) {
    this.method = io.netty.handler.codec.http.HttpMethod.valueOf(method.name());
    this.target = target;
  }

  /**
   * Adds a caller's header when it can be sent on as it is: its name an RFC 9110 token (not
   * empty), its value free of control characters but horizontal tab (a bare CR, which a server's
   * parser leaves inside a value, could end the line at an upstream that reads it as a line
   * break). Any other header is dropped rather than forwarded, as nginx does by default.
   *
   * @return whether it was added
   */
  public boolean addIfSendable(String name, String value) {
    if (!sendable(name, value)) {
      return false;
    }
    headers.add(name, value);
    return true;
  }

  /** Sets a header of the gateway's own (trusted, not checked), replacing any of that name. */
  public UpstreamRequest set(CharSequence name, CharSequence value) {
    headers.set(name, value);
    return this;
  }

  /** The body, held whole: sent with its {@code Content-Length}, and again on a retry. */
  public UpstreamRequest body(Buffer held) {
    this.body = held;
    headers.set(HttpHeaderNames.CONTENT_LENGTH, held.length());
    return this;
  }

  /**
   * The body streams from the caller's request as it arrives (the caller paused while the
   * connection cannot take more): with {@code Content-Length} when {@code length} is positive,
   * else chunked.
   */
  public UpstreamRequest stream(HttpServerRequest from, long length) {
    this.stream = from;
    if (length > 0) {
      headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
    } else {
      headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    return this;
  }

  /** No body, said with {@code Content-Length: 0} (for a method that carries content, or a caller that said so). */
  public UpstreamRequest emptyBody() {
    headers.set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
    return this;
  }

  /** The header's first value, or null. */
  public String header(CharSequence name) {
    return headers.get(name);
  }

  /** The names of the headers it carries, as added. */
  public Set<String> headerNames() {
    return headers.names();
  }

  /** Whether a caller's header can be sent on as it is (see {@link #addIfSendable}). */
  static boolean sendable(String name, String value) {
    return !name.isEmpty()
        && HttpHeaderValidationUtil.validateToken(name) < 0
        && HttpHeaderValidationUtil.validateValidHeaderValue(value) < 0;
  }

  // ---- on the wire, on the connection's event loop

  void host(CharSequence host) {
    headers.set(HttpHeaderNames.HOST, host);
  }

  boolean streamed() {
    return stream != null;
  }

  /** Writes the request on {@code ch} for {@code call}: whole, or its head and then the body as the caller sends it. */
  void write(Channel ch, UpstreamCall call) {
    if (stream != null) {
      writeStreaming(ch, call);
      return;
    }
    ByteBuf content = body == null
        ? Unpooled.EMPTY_BUFFER
        : Unpooled.unreleasableBuffer(((BufferInternal) body).getByteBuf());
    call.requestEnded();
    ch.writeAndFlush(
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, method, target, content, headers, EmptyHttpHeaders.INSTANCE),
        ch.voidPromise());
  }

  private void writeStreaming(Channel ch, UpstreamCall call) {
    ch.write(
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, target, headers), ch.voidPromise());
    stream.handler(chunk -> {
      ch.writeAndFlush(
          new DefaultHttpContent(
              Unpooled.unreleasableBuffer(((BufferInternal) chunk).getByteBuf())),
          ch.voidPromise());
      if (!ch.isWritable()) {
        stream.pause();
      }
    });
    stream.endHandler(v -> {
      call.requestEnded();
      ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, ch.voidPromise());
    });
    stream.exceptionHandler(err -> {
      call.failure(err);
      ch.close();
    });
    stream.response().closeHandler(v -> call.abort());
    stream.resume();
  }

  /** The connection can take more of a streaming body. */
  void resumeStream() {
    stream.resume();
  }

  /** The upstream answered (or failed) before the caller's body was all sent: the rest is not forwarded. */
  void stopStreaming() {
    if (stream != null) {
      stream.handler(null);
      stream.endHandler(null);
    }
  }
}
