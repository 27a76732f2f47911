package dev.keapgw.gateway.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayDeque;

/**
 * Benchmark references, not product: the least a proxy in front of {@code bench/nginx-ref.sh}'s
 * page can do (GET only: strip {@code /keap}, inject a token, keep connections alive), on two
 * stacks, so that {@code bench/stack-ceiling.sh} can show what the HTTP stack alone costs next to
 * nginx's own proxy. Everything the gateway adds (keys, limits, connection choice, the access
 * log, errors, streaming of bodies, timeouts, retries) is absent on purpose.
 *
 * <p>A third, {@code vertx-netty}, keeps Vert.x's server and talks to the upstream with Netty's
 * client codec on the same event loop: it tells which half of Vert.x costs what.
 *
 * <pre>java -cp keap-gateway.jar:gateway/target/test-classes dev.keapgw.gateway.bench.MinimalProxies netty|vertx|vertx-netty PORT</pre>
 */
public final class MinimalProxies {
  static final String UPSTREAM_HOST = "127.0.0.1";
  static final int UPSTREAM_PORT = 19001;
  static final int LOOPS = 2;

  private MinimalProxies() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "netty" -> OnNetty.start(port);
      case "vertx" -> deploy(() -> new OnVertx(port));
      case "vertx-netty" -> deploy(() -> new VertxServerNettyClient(port));
      default -> throw new IllegalArgumentException("netty, vertx or vertx-netty");
    }
    System.out.println("listening on " + port);
  }

  /** The upstream's path for a caller's {@code /keap/...} path. */
  static String upstreamUri(String uri) {
    return uri.startsWith("/keap/") ? uri.substring(5) : uri;
  }

  /** A new upstream connection on {@code loop}, Netty's client codec then {@code handler}. */
  static io.netty.channel.ChannelFuture connectUpstream(
      io.netty.channel.EventLoop loop, io.netty.channel.ChannelHandler handler) {
    return new Bootstrap()
        .group(loop)
        .channel(EpollSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new HttpClientCodec(), handler);
          }
        })
        .connect(UPSTREAM_HOST, UPSTREAM_PORT);
  }

  /** One instance of a Vert.x proxy per event loop, on the epoll transport. */
  static void deploy(java.util.function.Supplier<VerticleBase> proxy) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    vertx
        .deployVerticle(proxy, new DeploymentOptions().setInstances(LOOPS))
        .toCompletionStage()
        .toCompletableFuture()
        .get();
  }

  /** Netty's HTTP codecs and nothing else; one pool of upstream connections per event loop. */
  static final class OnNetty {
    static final AsciiString TOKEN = AsciiString.cached("Bearer upstream-token");
    static final AsciiString HOST = AsciiString.cached(UPSTREAM_HOST + ":" + UPSTREAM_PORT);
    static final FastThreadLocal<ArrayDeque<Channel>> IDLE = new FastThreadLocal<>() {
      @Override
      protected ArrayDeque<Channel> initialValue() {
        return new ArrayDeque<>();
      }
    };

    static void start(int port) throws InterruptedException {
      EventLoopGroup loops = new MultiThreadIoEventLoopGroup(LOOPS, EpollIoHandler.newFactory());
      new ServerBootstrap()
          .group(loops)
          .channel(EpollServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), new Front());
            }
          })
          .bind("127.0.0.1", port)
          .sync();
    }

    /** The caller's side: each request goes out on an idle upstream connection of this loop. */
    static final class Front extends ChannelInboundHandlerAdapter {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest req) {
          HttpRequest out = new DefaultHttpRequest(
              HttpVersion.HTTP_1_1,
              req.method(),
              upstreamUri(req.uri()),
              req.headers().copy());
          out.headers().set(HttpHeaderNames.AUTHORIZATION, TOKEN).set(HttpHeaderNames.HOST, HOST);
          Channel idle = IDLE.get().pollFirst();
          if (idle != null && idle.isActive()) {
            send(ctx.channel(), idle, out);
          } else {
            connectUpstream(ctx.channel().eventLoop(), new Back())
                .addListener((ChannelFutureListener) f -> {
                  if (f.isSuccess()) {
                    send(ctx.channel(), f.channel(), out);
                  } else {
                    ctx.close();
                  }
                });
          }
        }
        if (msg instanceof HttpContent body) {
          body.release(); // GET only
        }
      }

      private static void send(Channel caller, Channel upstream, HttpRequest out) {
        upstream.pipeline().get(Back.class).caller = caller;
        upstream.write(out);
        upstream.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      }
    }

    /** The upstream's side: the answer goes back as it comes, then the connection is idle again. */
    static final class Back extends ChannelInboundHandlerAdapter {
      Channel caller;

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse r) {
          r.headers().remove(HttpHeaderNames.CONNECTION);
        }
        if (msg instanceof LastHttpContent) {
          caller.writeAndFlush(msg);
          caller = null;
          IDLE.get().addLast(ctx.channel());
        } else {
          caller.write(msg);
        }
      }
    }
  }

  /** Vert.x's HTTP server and client, one of each per event loop, as the gateway uses them. */
  static final class OnVertx extends VerticleBase {
    private final int port;

    OnVertx(int port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      HttpClient client = vertx.createHttpClient(
          new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(256));
      return vertx
          .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
          .requestHandler(req -> {
            req.pause();
            client
                .request(new RequestOptions()
                    .setMethod(req.method())
                    .setHost(UPSTREAM_HOST)
                    .setPort(UPSTREAM_PORT)
                    .setURI(upstreamUri(req.uri())))
                .compose(up -> {
                  up.headers().setAll(req.headers()).remove("Host");
                  up.putHeader("Authorization", "Bearer upstream-token");
                  return up.send(req);
                })
                .onSuccess(resp -> {
                  req.response().setStatusCode(resp.statusCode());
                  req.response().headers().setAll(resp.headers()).remove("Connection");
                  resp.pipe().to(req.response());
                })
                .onFailure(e -> req.response().setStatusCode(502).end());
          })
          .listen();
    }
  }

  /** Vert.x's HTTP server; the upstream reached through Netty's client codec on the request's event loop. */
  static final class VertxServerNettyClient extends VerticleBase {
    private final int port;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();

    VertxServerNettyClient(int port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      return vertx
          .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
          .requestHandler(req -> {
            HttpRequest out = new io.netty.handler.codec.http.DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                io.netty.handler.codec.http.HttpMethod.valueOf(req.method().name()),
                upstreamUri(req.uri()));
            req.headers().forEach((k, v) -> out.headers().add(k, v));
            out.headers()
                .set(HttpHeaderNames.AUTHORIZATION, OnNetty.TOKEN)
                .set(HttpHeaderNames.HOST, OnNetty.HOST);
            Channel channel = idle.pollFirst();
            if (channel != null && channel.isActive()) {
              send(channel, req.response(), out);
              return;
            }
            connectUpstream(
                    ((io.vertx.core.internal.ContextInternal) context).nettyEventLoop(), new Back())
                .addListener((ChannelFutureListener) f -> {
                  if (f.isSuccess()) {
                    send(f.channel(), req.response(), out);
                  } else {
                    req.response().setStatusCode(502).end();
                  }
                });
          })
          .listen();
    }

    private void send(
        Channel upstream, io.vertx.core.http.HttpServerResponse res, HttpRequest out) {
      Back back = upstream.pipeline().get(Back.class);
      back.res = res;
      back.idle = idle;
      upstream.writeAndFlush(out);
    }

    /** The upstream's answer onto the Vert.x response; then the connection is idle again. */
    static final class Back extends ChannelInboundHandlerAdapter {
      io.vertx.core.http.HttpServerResponse res;
      ArrayDeque<Channel> idle;

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse r) {
          res.setStatusCode(r.status().code());
          r.headers().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("connection")) {
              res.headers().add(h.getKey(), h.getValue());
            }
          });
        }
        if (msg instanceof HttpContent c) {
          io.vertx.core.buffer.Buffer chunk =
              io.vertx.core.internal.buffer.BufferInternal.buffer(c.content());
          if (msg instanceof LastHttpContent) {
            res.end(chunk);
            res = null;
            idle.addLast(ctx.channel());
          } else {
            res.write(chunk);
          }
        }
      }
    }
  }
}
