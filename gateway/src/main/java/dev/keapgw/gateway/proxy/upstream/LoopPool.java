package dev.keapgw.gateway.proxy.upstream;

import dev.keapgw.gateway.error.UpstreamException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The connections to one origin that belong to one event loop, so that a request and its
 * upstream connection always share a thread and the pool needs no lock. Every method runs on
 * that loop.
 *
 * <p>An exchange takes the most recently used idle connection (the one least likely to have been
 * closed by the upstream meanwhile), else opens a new one while fewer than the cap are open, else
 * waits for the next one released, at most the pool wait (then the call fails as busy, nothing
 * sent: a full pool must not queue requests without bound). Idle connections are closed after the keep-alive time.
 */
final class LoopPool {
  private final UpstreamClient client;
  private final Origin origin;
  private final Bootstrap bootstrap;
  private final ArrayDeque<Channel> idle = new ArrayDeque<>();
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private final EventLoop loop;

  /** A call waiting for a connection, and the timer that fails it as busy after the pool wait. */
  private record Waiter(UpstreamCall call, ScheduledFuture<?> timer) {}

  private int open; // connecting, busy and idle

  LoopPool(UpstreamClient client, EventLoop loop, Origin origin) {
    this.client = client;
    this.origin = origin;
    this.loop = loop;
    this.bootstrap = new Bootstrap()
        .group(loop)
        .channelFactory(client.channelFactory())
        .resolver(client.resolver())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, client.connectTimeoutMillis())
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            if (origin.tls()) {
              SslHandler tls = client.tls().newHandler(ch.alloc(), origin.host(), origin.port());
              tls.setHandshakeTimeoutMillis(client.connectTimeoutMillis());
              ch.pipeline().addLast(tls);
            }
            ch.pipeline()
                .addLast(
                    new IdleStateHandler(client.keepIdleSeconds(), 0, 0, TimeUnit.SECONDS),
                    new HttpClientCodec(client.decoderConfig(), false, false),
                    new UpstreamChannel(LoopPool.this, client.responseTimeoutNanos()));
          }
        });
  }

  /** Starts {@code call} on a connection: an idle one, a new one, or the next one released. */
  void acquire(UpstreamCall call) {
    Channel ch;
    while ((ch = idle.pollLast()) != null) {
      if (ch.isActive()) {
        call.start(ch);
        return;
      }
    }
    if (open < client.maxConnectionsPerLoop()) {
      connect(call);
    } else {
      Waiter[] w = new Waiter[1];
      w[0] = new Waiter(
          call,
          loop.schedule(
              () -> {
                if (waiting.remove(w[0])) {
                  call.notStarted(UpstreamException.of(UpstreamException.Kind.BUSY, null));
                }
              },
              client.poolWaitNanos(),
              TimeUnit.NANOSECONDS));
      waiting.addLast(w[0]);
    }
  }

  /** The longest-waiting call, its wait over, or null. */
  private UpstreamCall nextWaiting() {
    Waiter w = waiting.pollFirst();
    if (w == null) {
      return null;
    }
    w.timer().cancel(false);
    return w.call();
  }

  /** A connection whose exchange ended cleanly and that can carry another. */
  void release(Channel ch) {
    if (client.closed()) {
      ch.close();
      return;
    }
    UpstreamCall next = nextWaiting();
    if (next != null) {
      next.start(ch);
    } else {
      idle.addLast(ch);
    }
  }

  /** Closes every idle connection (the gateway is stopping). */
  void closeIdle() {
    Channel ch;
    while ((ch = idle.pollFirst()) != null) {
      ch.close();
    }
  }

  private void connect(UpstreamCall call) {
    open++;
    ChannelFuture connecting = bootstrap.connect(origin.host(), origin.port());
    Channel ch = connecting.channel();
    ch.closeFuture().addListener(f -> closed(ch));
    connecting.addListener(f -> {
      if (!f.isSuccess()) {
        call.notStarted(connectFailure(f.cause()));
        return;
      }
      SslHandler tls = ch.pipeline().get(SslHandler.class);
      if (tls == null) {
        call.start(ch);
        return;
      }
      tls.handshakeFuture().addListener(h -> {
        if (h.isSuccess()) {
          call.start(ch);
        } else {
          call.notStarted(connectFailure(h.cause()));
          ch.close();
        }
      });
    });
  }

  private void closed(Channel ch) {
    open--;
    idle.remove(ch);
    if (!waiting.isEmpty() && open < client.maxConnectionsPerLoop()) {
      connect(nextWaiting());
    }
  }

  /** A failure to connect, said in a few words a caller can act on. */
  static UpstreamException connectFailure(Throwable cause) {
    String what;
    if (cause instanceof io.netty.channel.ConnectTimeoutException) {
      what = "timed out";
    } else if (cause instanceof java.net.ConnectException) {
      what = "connection refused";
    } else if (cause instanceof javax.net.ssl.SSLException
        || cause instanceof java.security.cert.CertificateException) {
      what = "TLS handshake failed";
    } else if (cause instanceof java.net.UnknownHostException) {
      what = "unknown host";
    } else {
      what = cause.getClass().getSimpleName();
    }
    return UpstreamException.connecting(what, cause);
  }
}
