package dev.keapgw.gateway;

import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.config.Tuning;
import dev.keapgw.gateway.connection.ConnectLinks;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.error.StartFailure;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.feature.ReadinessCheck;
import dev.keapgw.gateway.feature.Running;
import dev.keapgw.gateway.http.ControlInput;
import dev.keapgw.gateway.http.ErrorBody;
import dev.keapgw.gateway.http.Listener;
import dev.keapgw.gateway.http.Paths;
import dev.keapgw.gateway.http.RequestIds;
import dev.keapgw.gateway.proxy.AccessLog;
import dev.keapgw.gateway.proxy.ConnectionSelector;
import dev.keapgw.gateway.proxy.Forwarder;
import dev.keapgw.gateway.proxy.ProxyHandler;
import dev.keapgw.gateway.proxy.upstream.UpstreamClient;
import dev.keapgw.gateway.ratelimit.AccountRateLimiter;
import dev.keapgw.gateway.ratelimit.BucketStore;
import dev.keapgw.gateway.ratelimit.UpstreamBudget;
import dev.keapgw.gateway.store.Database;
import dev.keapgw.gateway.token.KeepAliveSweeper;
import dev.keapgw.gateway.token.TokenManager;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.ExecutionException;

/**
 * A running gateway: one listener for the data plane ({@code /{app}/...}) and the control
 * plane (connections, user, admin, connect flow, operations). {@link #start} returns once it
 * listens; {@link #close} stops it and releases the store.
 */
public final class Gateway implements AutoCloseable, Running {

  private final GatewayServices services;
  private final boolean ownsVertx;
  private final Router router;
  private final java.util.List<Feature> features = Features.all();
  private java.util.function.Supplier<Handler<HttpServerRequest>> dataPlane;
  private TokenLifecycle tokenLifecycle;
  private BucketStore buckets;
  /** The accounts' request rates: the control plane and the data plane spend the same ones. */
  private AccountRateLimiter accountLimits;

  private Listener listener;
  private AccessLog accessLog;
  private UpstreamClient upstream;
  private Housekeeping housekeeping;

  private Gateway(GatewayServices services, boolean ownsVertx) {
    this.services = services;
    this.ownsVertx = ownsVertx;
    this.router = Router.router(services.vertx());
  }

  /** The Vert.x a gateway runs on when it owns one: Linux's epoll where available, 32 worker threads for the store. */
  public static Vertx newVertx() {
    return Vertx.vertx(new VertxOptions()
        .setWorkerPoolSize(Tuning.defaults().workerThreads())
        .setPreferNativeTransport(true));
  }

  public static Gateway start(GatewayConfig config) {
    Vertx vertx = newVertx();
    try {
      return start(config, vertx, true, null);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  public static Gateway start(GatewayConfig config, Vertx vertx) {
    return start(config, vertx, false, null);
  }

  /**
   * Starts a gateway whose {@code /readyz} also reports {@code untilReady} from the moment it
   * listens, until the caller removes it from {@code services().readiness()} (the demo, once its
   * key and connection, made through the listener, work).
   */
  public static Gateway start(GatewayConfig config, Vertx vertx, ReadinessCheck untilReady) {
    return start(config, vertx, false, untilReady);
  }

  private static Gateway start(
      GatewayConfig config, Vertx vertx, boolean owns, ReadinessCheck untilReady) {
    java.util.List<GatewayConfig.Problem> problems = config.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the gateway cannot start:\n  - "
          + String.join(
              "\n  - ", problems.stream().map(GatewayConfig.Problem::toString).toList()));
    }
    Database db = Database.open(
        config.dbUrl(),
        config.dataDir(),
        config.timeouts().response().plus(config.timeouts().connect()).plusSeconds(5));
    Gateway g = null;
    try {
      GatewayServices services = GatewayServices.open(config, vertx, db);
      g = new Gateway(services, owns);
      g.mount();
      g.dataPlane = g.buildDataPlane();
      for (Feature f : g.features) {
        f.start(g);
      }
      // the listener answers /readyz as soon as it binds: "not ready" until this start is over
      ReadinessCheck starting = () -> "the gateway is starting";
      services.readiness().add(starting);
      if (untilReady != null) {
        services.readiness().add(untilReady);
      }
      g.listen();
      g.tokenLifecycle.start();
      g.housekeeping = new Housekeeping(services);
      g.housekeeping.start();
      g.features.forEach(Feature::listening);
      services.readiness().remove(starting);
      return g;
    } catch (RuntimeException e) {
      if (g != null) {
        g.features.forEach(Feature::stop);
      }
      if (g != null && g.buckets != null) {
        g.buckets.close();
      }
      db.close();
      throw e;
    }
  }

  private void mount() {
    // first of all, before any route that matches on the path (MCP's is ordered early): a path
    // with a malformed escape must be refused here, since matching such a path throws
    router.route().order(-10).handler(ctx -> {
      ctx.put("request_id", RequestIds.of(ctx.request()));
      ctx.response().putHeader(RequestIds.HEADER, (String) ctx.get("request_id"));
      GatewayException refused = ControlInput.refusal(ctx);
      if (refused != null) {
        ctx.fail(refused);
        return;
      }
      ctx.next();
    });
    long maxBody = services.config().tuning().maxControlBody();
    router.route().handler(BodyHandler.create(false).setBodyLimit(maxBody));
    GatewayConfig c = services.config();
    buckets = ClusterWiring.bucketStore(c, services.db());
    accountLimits =
        new AccountRateLimiter(c.limits().accountPerSecond(), c.limits().accountBurst(), buckets);
    ControlRoutes routes = new ControlRoutes(router, services.auth(), accountLimits, buckets);
    for (Feature f : features) {
      f.mount(routes, services);
    }
    router
        .route()
        .last()
        .handler(ctx -> ctx.fail(GatewayException.notFound(
            "No such endpoint: " + ctx.request().method() + " " + ctx.request().path())));
    router.route().failureHandler(ErrorBody.failureHandler(maxBody));
  }

  /** The data plane and the token lifecycle behind it: one proxy handler per event loop. */
  private java.util.function.Supplier<Handler<HttpServerRequest>> buildDataPlane() {
    GatewayConfig c = services.config();
    Vertx vertx = services.vertx();
    tokenLifecycle = new TokenLifecycle(services);
    TokenManager tokens = tokenLifecycle.tokens();
    ConnectLinks links = ConnectionService.of(services)::reconnectUrl;
    UpstreamBudget budget = new UpstreamBudget(
        vertx,
        c.limits().upstreamQuotaPerMinute(),
        c.limits().upstreamSpikePerSecond(),
        buckets,
        c.clock());
    ConnectionSelector selector = new ConnectionSelector(
        vertx,
        services.connectionRepo(),
        c.clock(),
        c.tuning().storeCache(services.db().embedded()));
    services.connectionRepo().onChange(id -> {
      selector.forgetAll();
      tokens.forget(id);
    });
    accessLog = AccessLog.open(c.accessLog(), services.traffic());
    upstream = new UpstreamClient(
        vertx,
        new UpstreamClient.Settings(
            c.timeouts().connect(),
            c.timeouts().response(),
            c.tuning().upstreamConnectionsPerLoop(),
            c.tuning().upstreamKeepIdle(),
            c.timeouts().upstreamPoolWait(),
            UpstreamClient.defaultTls()));
    Forwarder forwarder = new Forwarder(upstream, tokens, budget, c.timeouts().requestBody());
    return () -> {
      ProxyHandler proxy = new ProxyHandler(
          c.clock(),
          vertx,
          services.auth(),
          c.apps(),
          accountLimits,
          budget,
          selector,
          tokens,
          links,
          forwarder,
          services.metrics(),
          accessLog);
      return req -> dispatch(req, proxy);
    };
  }

  /** The data plane's token source (the triggers feature takes its tokens from it). */
  @Override
  public TokenManager tokens() {
    return tokenLifecycle.tokens();
  }

  /** The mounted feature of this type (tests steer features directly). */
  @Override
  public <T extends Feature> T feature(Class<T> type) {
    return features.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no feature " + type.getSimpleName()));
  }

  /** The keep-alive sweeper (tests run a pass directly). */
  public KeepAliveSweeper sweeper() {
    return tokenLifecycle.sweeper();
  }

  private void listen() {
    GatewayConfig c = services.config();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(c.host())
        .setPort(c.port())
        .setIdleTimeout((int) c.tuning().idleTimeout().toSeconds())
        .setMaxHeaderSize(c.tuning().maxHeaderBytes())
        .setMaxInitialLineLength(c.tuning().maxHeaderBytes())
        // HTTP/1.1 only, as Keap and Maton speak it: no cleartext HTTP/2 upgrade
        .setHttp2ClearTextEnabled(false);
    listener = new Listener();
    try {
      listener
          .listen(services.vertx(), options, dataPlane, c.tuning().eventLoops())
          .toCompletionStage()
          .toCompletableFuture()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the gateway", e);
    } catch (ExecutionException e) {
      throw new StartFailure(new StartFailure.CannotListen(
          c.host(),
          c.port(),
          Listener.inUse(e.getCause()),
          String.valueOf(e.getCause().getMessage())));
    }
  }

  private void dispatch(HttpServerRequest req, ProxyHandler proxy) {
    String first = Paths.firstSegment(req.path());
    if (!first.isEmpty() && !GatewayConfig.RESERVED.contains(first)) {
      proxy.handle(req, first);
    } else {
      router.handle(req);
    }
  }

  public int port() {
    return listener.port();
  }

  /** Where this gateway listens, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    String host = services.config().host().equals("0.0.0.0")
        ? "127.0.0.1"
        : services.config().host();
    return "http://" + host + ":" + port();
  }

  /** The parts of the gateway its features share. */
  public GatewayServices services() {
    return services;
  }

  /**
   * Stops the gateway: each step of the teardown runs even when an earlier one failed (a
   * failure is logged), so the store and the event loops are always released.
   */
  @Override
  public void close() {
    Teardown.step("the features", () -> features.forEach(Feature::stop));
    Teardown.step("the keep-alive sweeper", () -> {
      if (tokenLifecycle != null) {
        tokenLifecycle.stop();
      }
    });
    Teardown.step("the housekeeping timers", () -> {
      if (housekeeping != null) {
        housekeeping.stop();
      }
    });
    Teardown.step("the listener", () -> {
      if (listener != null) {
        listener.close().toCompletionStage().toCompletableFuture().get();
      }
    });
    Teardown.step("the access log", () -> {
      if (accessLog != null) {
        accessLog.close();
      }
    });
    Teardown.step("the upstream client", () -> {
      if (upstream != null) {
        upstream.close();
      }
    });
    Teardown.step("the keys' last use", () -> services.auth().flushLastUse());
    Teardown.step("the sweeper's lease", () -> {
      if (tokenLifecycle != null) {
        tokenLifecycle.releaseLease();
      }
    });
    Teardown.step("the event loops", () -> {
      if (ownsVertx) {
        services.vertx().close().toCompletionStage().toCompletableFuture().get();
      }
    });
    Teardown.step("the rate-limit store", () -> {
      if (buckets != null) {
        buckets.close();
      }
    });
    Teardown.step("the OAuth client", () -> services.oauth().close());
    Teardown.step("the store", () -> services.db().close());
  }
}
