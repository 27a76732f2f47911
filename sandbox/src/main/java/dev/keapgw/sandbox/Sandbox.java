package dev.keapgw.sandbox;

import dev.keapgw.sandbox.auth.Credentials;
import dev.keapgw.sandbox.control.Faults;
import dev.keapgw.sandbox.control.Stats;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.list.PageToken;
import dev.keapgw.sandbox.quota.KeapQuotas;
import dev.keapgw.sandbox.quota.QuotaCheck;
import dev.keapgw.sandbox.resthooks.RestHooks;
import dev.keapgw.sandbox.store.FileJournal;
import dev.keapgw.sandbox.store.Hooks;
import dev.keapgw.sandbox.store.Journal;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A running Keap emulator: the CRM REST v2 API, Keap's OAuth server and the {@code /_sandbox}
 * controls on one port. {@link #start} returns once it listens; {@link #close} stops it.
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxConfig config;
  private final Vertx vertx;
  private final boolean ownsVertx;
  private final SandboxContext context;
  private final Faults faults = new Faults(() -> ThreadLocalRandom.current().nextDouble());
  private final List<KeapModule> modules;
  private final Journal journal;
  private final HttpFrontend frontend;
  private final RestHooks restHooks;

  private Sandbox(SandboxConfig config, Vertx vertx, boolean ownsVertx, List<KeapModule> extra) {
    this.config = config;
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    List<KeapModule> all = new ArrayList<>(Modules.all(this));
    all.addAll(extra);
    this.modules = List.copyOf(all);
    List<TableSpec> tables = new ArrayList<>();
    modules.forEach(m -> tables.addAll(m.tables()));
    this.journal = config.dataDir() == null ? Journal.NONE : new FileJournal(config.dataDir());
    World world = new World(tables, journal, config.clock());
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Stats stats = new Stats();
    this.restHooks = new RestHooks(world, config.hookDelay(), this::baseUrl);
    this.context = new SandboxContext(
        config,
        world,
        new Credentials(config.clock()),
        new Lister(new PageToken(secret)),
        stats,
        new Hooks(),
        restHooks);
    Routing routing = Routing.create();
    modules.forEach(m -> m.routes(routing, context));
    QuotaCheck quotas = new KeapQuotas(config.quotas(), config.clock(), id -> {
      Tenant t = world.find(id);
      return t == null ? id : t.appName();
    });
    SandboxPipeline pipeline =
        new SandboxPipeline(routing, context.credentials(), quotas, faults, stats);
    this.frontend = new HttpFrontend(vertx, pipeline::handle);
  }

  /** Starts a sandbox with its own Vert.x instance. */
  public static Sandbox start(SandboxConfig config) {
    return start(config, List.of());
  }

  /**
   * Starts a sandbox with its own Vert.x instance that also runs {@code extraModules} after the
   * standard ones: tests add stand-ins this way for resources another module will own.
   */
  public static Sandbox start(SandboxConfig config, List<KeapModule> extraModules) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(32));
    try {
      return start(config, vertx, true, extraModules);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** Starts a sandbox on a Vert.x instance the caller owns (the gateway's demo mode). */
  public static Sandbox start(SandboxConfig config, Vertx vertx) {
    return start(config, vertx, false, List.of());
  }

  private static Sandbox start(
      SandboxConfig config, Vertx vertx, boolean owns, List<KeapModule> extra) {
    Sandbox s = new Sandbox(config, vertx, owns, extra);
    s.loadOrSeed();
    try {
      s.frontend
          .listen(config.host(), config.port())
          .toCompletionStage()
          .toCompletableFuture()
          .get();
    } catch (InterruptedException e) {
      s.restHooks.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the sandbox", e);
    } catch (ExecutionException e) {
      s.restHooks.close();
      throw new ListenFailure(config.host(), config.port(), e.getCause());
    }
    return s;
  }

  private void loadOrSeed() {
    long replayed = journal instanceof FileJournal fj ? fj.replay(context.world()) : 0;
    for (int i = 1; i <= config.tenants(); i++) {
      Tenant t = context.world().tenant(tenantId(i));
      if (replayed == 0 && config.seed()) {
        seed(t, new KeapModule.SeedPlan(i, config.seedContacts(), 1000L + i));
      }
    }
  }

  /** The id of the i-th tenant (1-based): Keap-like application names. */
  public static String tenantId(int i) {
    return "kx" + (100 + i);
  }

  /** Adds sample data to a tenant, module by module. */
  public void seed(Tenant tenant, KeapModule.SeedPlan plan) {
    tenant.write(() -> modules.forEach(m -> m.seed(tenant, plan, context)));
  }

  public int port() {
    return frontend.port();
  }

  /** Where the sandbox answers, e.g. {@code http://127.0.0.1:9090}. */
  public String baseUrl() {
    return "http://" + config.host() + ":" + port();
  }

  public SandboxConfig config() {
    return config;
  }

  public SandboxContext context() {
    return context;
  }

  public Faults faults() {
    return faults;
  }

  public Stats stats() {
    return context.stats();
  }

  /** Keap's REST hooks: subscriptions' deliveries, their counters, and sending waiting batches at once. */
  public RestHooks restHooks() {
    return restHooks;
  }

  @Override
  public void close() {
    try {
      frontend.close().toCompletionStage().toCompletableFuture().get();
      if (ownsVertx) {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // closing anyway
    } finally {
      restHooks.close();
      journal.close();
    }
  }
}
