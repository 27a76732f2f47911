package dev.keapgw.gateway.http;

import dev.keapgw.gateway.error.GatewayException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;

/**
 * The listener's HTTP/1.1 request decoder, refusing a request that carries both
 * {@code Content-Length} and {@code Transfer-Encoding: chunked} (in any spelling Netty reads as
 * chunked: any case, surrounding spaces, {@code gzip, chunked}, {@code chunked, identity}).
 * Such a request is the precondition of request smuggling (RFC 9112 §6.3): a front proxy may
 * frame it by one header and the gateway by the other. Netty's decoder resolves the ambiguity
 * by dropping {@code Content-Length} before anything else sees the request, so the check has
 * to sit in the decoder: the request is marked as undecodable ({@link Refused}), and
 * {@link #answer} (the server's handler of undecodable requests) answers 400 in the gateway's
 * envelope; Vert.x then closes the connection, so nothing after it on the connection is read as
 * another request.
 *
 * <p>It also refuses, the same way, a request with two {@code Host} headers, or an HTTP/1.1
 * request with none (RFC 9112 §3.2).
 *
 * <p>A body whose chunked encoding Netty cannot read fails as a {@link MalformedBody}, a
 * caller's mistake the data plane answers 400 (not an upstream failure).
 *
 * <p>On other requests it costs a comparison per header name of four letters: Netty calls the
 * framing hook only when both headers came, and no request is parsed twice.
 */
public final class FramingGuard extends VertxHttpRequestDecoder {
  /** The name Vert.x gives its request decoder in a connection's pipeline. */
  static final String DECODER = "httpDecoder";

  FramingGuard(HttpServerOptions options) {
    super(options);
  }

  /** Why the guard refused a request: the decoder result's cause, its message fit for the caller. */
  static final class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // a caller's mistake, not a bug: no stack to record
    }
  }

  /**
   * A request body the decoder could not read (a malformed chunk size or chunk): the caller's
   * mistake. Vert.x hands it to the request's and the response's exception handlers, then closes
   * the connection; {@link #flushNow} lets an answer written in such a handler go out first.
   */
  public static final class MalformedBody extends IllegalArgumentException {
    MalformedBody(String message) {
      super(message, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /**
   * Sends what was written to {@code connection} now: Vert.x holds writes made while it reads
   * until the read ends, and after a {@link MalformedBody} it closes the connection before that.
   */
  public static void flushNow(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      base.channel().flush();
    }
  }

  /**
   * Answers a request the decoder could not take: the guard's refusals with 400 in the gateway's
   * envelope and {@code Connection: close} (Vert.x closes the connection after any undecodable
   * request); anything else as Vert.x does by default.
   */
  static void answer(HttpServerRequest req) {
    if (req.decoderResult().cause() instanceof Refused refused) {
      ErrorBody.send(
          req,
          GatewayException.badRequest("The request was refused and its connection closed: "
                  + refused.getMessage() + " (RFC 9112).")
              .closingConnection(),
          RequestIds.of(req));
    } else {
      HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(req);
    }
  }

  /** Set once a request was refused: the rest of the connection's bytes are never decoded. */
  private boolean refused;

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    super.handleTransferEncodingChunkedWithContentLength(message);
    message.setDecoderResult(DecoderResult.failure(new Refused(
        "a request must not carry both Content-Length and Transfer-Encoding: chunked")));
    refused = true;
  }

  /** {@code Host} lines of the request being decoded. */
  private int hosts;

  @Override
  protected HttpMessage createMessage(String[] initialLine) {
    hosts = 0;
    return super.createMessage(initialLine);
  }

  @Override
  protected AsciiString splitHeaderName(byte[] sb, int start, int length) {
    AsciiString name = super.splitHeaderName(sb, start, length);
    if (length == 4 && name.contentEqualsIgnoreCase(HttpHeaderNames.HOST)) {
      hosts++;
    }
    return name;
  }

  /** Called once per request, after its headers: where a request's Host lines are judged. */
  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage message) {
    if (hosts > 1 || (hosts == 0 && message.protocolVersion() == HttpVersion.HTTP_1_1)) {
      // RFC 9112 §3.2: exactly one Host in HTTP/1.1; two could name two servers to two readers
      message.setDecoderResult(DecoderResult.failure(new Refused(
          hosts == 0
              ? "an HTTP/1.1 request must carry a Host header"
              : "a request must not carry two Host headers")));
      refused = true;
    }
    return super.isContentAlwaysEmpty(message);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
      throws Exception {
    if (refused) {
      // whatever follows (its body, or a request hidden in it) is dropped; the connection closes
      buffer.skipBytes(buffer.readableBytes());
      return;
    }
    int from = out.size();
    super.decode(ctx, buffer, out);
    for (int i = from; i < out.size(); i++) {
      if (out.get(i) instanceof HttpContent c
          && !(c instanceof HttpMessage)
          && c.decoderResult().isFailure()) {
        // say what is wrong in the caller's terms (Netty's cause names its own internals)
        c.setDecoderResult(
            DecoderResult.failure(new MalformedBody("its chunked encoding is malformed")));
        refused = true;
      }
    }
  }

  /**
   * Puts the guard in place of the connection's request decoder; called from the server's
   * connection handler, before the connection's first byte is read.
   */
  static void install(HttpConnection connection, HttpServerOptions options) {
    if (!(connection instanceof ConnectionBase base)) {
      return;
    }
    ChannelPipeline pipeline = base.channel().pipeline();
    ChannelHandler decoder = pipeline.get(DECODER);
    if (decoder instanceof VertxHttpRequestDecoder && !(decoder instanceof FramingGuard)) {
      pipeline.replace(DECODER, DECODER, new FramingGuard(options));
    }
  }
}
