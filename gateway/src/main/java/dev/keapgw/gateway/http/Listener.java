package dev.keapgw.gateway.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One listening port served by several event loops. An HTTP server started outside a verticle
 * runs on a single event loop, one core; this starts one server per event loop on the same
 * port, and Vert.x spreads incoming connections across them. Every connection's request decoder
 * is a {@link FramingGuard}.
 */
public final class Listener {
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private int port;

  private final class Instance extends VerticleBase {
    private final HttpServerOptions options;
    private final Supplier<Handler<HttpServerRequest>> handlers;

    Instance(HttpServerOptions options, Supplier<Handler<HttpServerRequest>> handlers) {
      this.options = options;
      this.handlers = handlers;
    }

    @Override
    public Future<?> start() {
      // made here, on this instance's event loop, so that what the handler creates (an HTTP
      // client and its pooled connections) stays on the same loop as the requests it serves
      Handler<HttpServerRequest> handler = handlers.get();
      return vertx
          .createHttpServer(options)
          .connectionHandler(c -> FramingGuard.install(c, options))
          .invalidRequestHandler(FramingGuard::answer)
          .requestHandler(handler)
          .listen()
          .onSuccess(servers::add);
    }
  }

  /**
   * Listens with {@code instances} event loops, each with its own handler from {@code handlers};
   * the port of {@code options} may be 0 (a free one).
   */
  public Future<Void> listen(
      Vertx vertx,
      HttpServerOptions options,
      Supplier<Handler<HttpServerRequest>> handler,
      int instances) {
    return listenFirst(vertx, options, handler, instances, 5).compose(v -> {
      port = servers.get(0).actualPort();
      if (instances <= 1) {
        return Future.succeededFuture();
      }
      HttpServerOptions rest = new HttpServerOptions(options).setPort(port);
      return vertx
          .deployVerticle(
              () -> new Instance(rest, handler),
              new DeploymentOptions().setInstances(instances - 1))
          .mapEmpty();
    });
  }

  /**
   * The first loop's server. Vert.x shares one listening socket among servers that ask for the
   * same port, so a request for port 0 is turned into one free port first, which every loop then
   * binds. Between choosing it and binding it, the port can be taken (by an outgoing connection's
   * local port, say); then another is chosen, a few times.
   */
  private Future<Void> listenFirst(
      Vertx vertx,
      HttpServerOptions options,
      Supplier<Handler<HttpServerRequest>> handler,
      int instances,
      int tries) {
    HttpServerOptions first = new HttpServerOptions(options);
    boolean chosenHere = first.getPort() == 0 && instances > 1;
    if (chosenHere) {
      first.setPort(freePort(first.getHost()));
    }
    return vertx
        .deployVerticle(new Instance(first, handler))
        .<Void>mapEmpty()
        .recover(err -> chosenHere && tries > 1 && inUse(err)
            ? listenFirst(vertx, options, handler, instances, tries - 1)
            : Future.failedFuture(err));
  }

  /** Whether binding failed because the port is taken. */
  public static boolean inUse(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A port free on {@code host} now, for a server whose port must be known before it listens
   * (the demo's gateway, whose public URL the sandbox registers first). Another process may take
   * it before it is bound: the bind then fails ({@code StartFailure.CannotListen}).
   */
  public static int freePort(String host) {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("no free port on " + host, e);
    }
  }

  public int port() {
    return port;
  }

  public Future<Void> close() {
    return Future.all(servers.stream().map(HttpServer::close).toList()).mapEmpty();
  }
}
