package dev.keapgw.gateway.proxy.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of an upstream connection: hands what the connection reads to the exchange
 * it carries, if any, and watches that exchange's response timeout. A connection that reads
 * something while it carries no exchange, or sits idle past the keep-alive time, is closed.
 *
 * <p>The timeout costs one timer per connection, not one per request: the timer checks how long
 * the current exchange has waited and sets itself again for what is left.
 */
final class UpstreamChannel extends ChannelInboundHandlerAdapter {
  private final LoopPool pool;
  private final long timeoutNanos;
  private ChannelHandlerContext ctx;
  private UpstreamCall current;
  private boolean timerSet;

  UpstreamChannel(LoopPool pool, long timeoutNanos) {
    this.pool = pool;
    this.timeoutNanos = timeoutNanos;
  }

  LoopPool pool() {
    return pool;
  }

  void carry(UpstreamCall call) {
    current = call;
    if (call != null && !timerSet) {
      timerSet = true;
      ctx.executor().schedule(this::checkTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    UpstreamCall call = current;
    if (call == null) {
      ReferenceCountUtil.release(msg); // nothing was asked: the connection is out of step
      ctx.close();
      return;
    }
    call.received(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    UpstreamCall call = current;
    if (call != null) {
      call.closed();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    UpstreamCall call = current;
    if (call != null && ctx.channel().isWritable()) {
      call.writable();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    UpstreamCall call = current;
    if (call != null) {
      call.failure(cause);
    }
    ctx.close();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && current == null) {
      ctx.close(); // idle past the keep-alive time
    }
    ReferenceCountUtil.release(evt);
  }

  private void checkTimeout() {
    timerSet = false;
    UpstreamCall call = current;
    if (call == null || !ctx.channel().isActive()) {
      return;
    }
    long left = call.timeLeft(System.nanoTime(), timeoutNanos);
    if (left <= 0) {
      call.timedOut();
      return;
    }
    timerSet = true;
    ctx.executor().schedule(this::checkTimeout, left, TimeUnit.NANOSECONDS);
  }
}
