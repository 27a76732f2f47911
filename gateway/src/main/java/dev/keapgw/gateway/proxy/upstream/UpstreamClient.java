package dev.keapgw.gateway.proxy.upstream;

import dev.keapgw.gateway.error.UpstreamException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data plane's HTTP/1.1 client to upstream APIs, built on Netty's client codec so that a
 * request and its upstream connection share the caller's event loop and nothing between them
 * is queued, copied or wrapped more than once (docs/BENCHMARKS.md, "What the HTTP stack costs").
 *
 * <p>Connections are pooled per event loop and origin ({@link LoopPool}), at most
 * {@code maxConnectionsPerLoop} each, and closed after {@code keepIdle} unused; a call that finds
 * them all busy waits at most {@code poolWait} for one, then fails as {@link UpstreamException.Kind#BUSY}
 * (nothing was sent). TLS checks the
 * certificate chain and the host name. A connection that cannot be made within
 * {@code connectTimeout}, or an answer that does not arrive (or stops arriving) within
 * {@code responseTimeout}, fails the call with an {@link UpstreamException} saying which.
 *
 * <p>What it takes and gives are its own types ({@link UpstreamRequest}, {@link UpstreamCall},
 * {@link UpstreamAnswer}) and Vert.x's public API: Netty and Vert.x's internals stay in this
 * package (docs/ARCHITECTURE.md, "Rules of the house").
 */
public final class UpstreamClient {
  /**
   * How the client behaves; {@code poolWait} bounds the wait for a connection when every one a
   * loop may open is busy; {@code tls} is whom https origins must prove themselves to ({@link #defaultTls()}).
   */
  public record Settings(
      Duration connectTimeout,
      Duration responseTimeout,
      int maxConnectionsPerLoop,
      Duration keepIdle,
      Duration poolWait,
      UpstreamTls tls) {}

  private final ChannelFactory<? extends Channel> channelFactory;
  private final AddressResolverGroup<?> resolver;
  private final Settings settings;
  private final HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
      .setMaxInitialLineLength(16 * 1024)
      .setMaxHeaderSize(64 * 1024)
      .setMaxChunkSize(64 * 1024);
  private final Map<EventLoop, Map<Origin, LoopPool>> pools = new ConcurrentHashMap<>();
  private final Map<URI, Origin> origins = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public UpstreamClient(Vertx vertx, Settings settings) {
    VertxInternal v = (VertxInternal) vertx;
    this.channelFactory = v.transport().channelFactory(false);
    this.resolver = v.nameResolver().nettyAddressResolverGroup();
    this.settings = settings;
  }

  /** TLS as browsers do it: the JDK's trusted authorities, and the certificate must name the host. */
  public static UpstreamTls defaultTls() {
    return UpstreamTls.jdkAuthorities();
  }

  /** The origin of an upstream base URL (kept, since apps have few). */
  public Origin origin(URI url) {
    return origins.computeIfAbsent(url, Origin::of);
  }

  /**
   * Sends {@code request} to {@code origin} (its {@code Host} is the origin's) for an exchange
   * that runs on {@code context}, an event-loop context: the call's {@link UpstreamCall#answered()}
   * completes there once the answer's head arrived, and the connection is one of that event
   * loop's; {@link UpstreamCall#cancel()} gives it up (the caller was answered otherwise).
   */
  public UpstreamCall send(Context context, Origin origin, UpstreamRequest request) {
    request.host(origin.hostHeader());
    ContextInternal on = (ContextInternal) context;
    UpstreamCall call = new UpstreamCall(on, request);
    EventLoop loop = on.nettyEventLoop();
    if (loop.inEventLoop()) {
      pool(loop, origin).acquire(call);
    } else {
      loop.execute(() -> pool(loop, origin).acquire(call));
    }
    return call;
  }

  /** Closes the idle connections, and every busy one when its exchange ends. */
  public void close() {
    closed = true;
    pools.forEach(
        (loop, byOrigin) -> loop.execute(() -> byOrigin.values().forEach(LoopPool::closeIdle)));
  }

  private LoopPool pool(EventLoop loop, Origin origin) {
    Map<Origin, LoopPool> byOrigin = pools.get(loop);
    if (byOrigin == null) {
      byOrigin = pools.computeIfAbsent(loop, l -> new HashMap<>());
    }
    LoopPool pool = byOrigin.get(origin);
    if (pool == null) {
      pool = new LoopPool(this, loop, origin);
      byOrigin.put(origin, pool);
    }
    return pool;
  }

  boolean closed() {
    return closed;
  }

  ChannelFactory<? extends Channel> channelFactory() {
    return channelFactory;
  }

  AddressResolverGroup<?> resolver() {
    return resolver;
  }

  SslContext tls() {
    return settings.tls().context;
  }

  HttpDecoderConfig decoderConfig() {
    return decoderConfig;
  }

  int connectTimeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
  }

  long responseTimeoutNanos() {
    return settings.responseTimeout().toNanos();
  }

  int maxConnectionsPerLoop() {
    return settings.maxConnectionsPerLoop();
  }

  long poolWaitNanos() {
    return settings.poolWait().toNanos();
  }

  int keepIdleSeconds() {
    return (int) Math.max(1, settings.keepIdle().toSeconds());
  }
}
