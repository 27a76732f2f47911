package dev.keapgw.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
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
 * to sit in the decoder: the request is marked as undecodable, and Vert.x answers 400 and
 * closes the connection, so nothing after it on the connection is read as another request.
 *
 * <p>It costs nothing on other requests: Netty calls the hook only when both headers came.
 */
public final class FramingGuard extends VertxHttpRequestDecoder {
  /** The name Vert.x gives its request decoder in a connection's pipeline. */
  static final String DECODER = "httpDecoder";

  FramingGuard(HttpServerOptions options) {
    super(options);
  }

  /** Set once a request was refused: the rest of the connection's bytes are never decoded. */
  private boolean refused;

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    super.handleTransferEncodingChunkedWithContentLength(message);
    message.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(
        "a request must not carry both Content-Length and Transfer-Encoding: chunked")));
    refused = true;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
    if (refused) {
      // whatever follows (its body, or a request hidden in it) is dropped; the connection closes
      buffer.skipBytes(buffer.readableBytes());
      return;
    }
    super.decode(ctx, buffer, out);
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
