package dev.keapgw.gateway.trigger;

import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.feature.Running;
import dev.keapgw.gateway.store.Leases;
import dev.keapgw.gateway.token.TokenManager;
import dev.keapgw.gateway.trigger.delivery.DeliveryMetrics;
import dev.keapgw.gateway.trigger.delivery.DestinationGuard;
import dev.keapgw.gateway.trigger.delivery.Dispatcher;
import dev.keapgw.gateway.trigger.delivery.Outbox;
import dev.keapgw.gateway.trigger.delivery.RetrySchedule;
import dev.keapgw.gateway.trigger.delivery.Sender;
import dev.keapgw.gateway.trigger.keap.HookReceiver;
import dev.keapgw.gateway.trigger.keap.KeapBroker;
import dev.keapgw.gateway.trigger.keap.KeapHooksClient;
import dev.keapgw.gateway.trigger.keap.SubscriptionKeeper;
import dev.keapgw.gateway.trigger.keap.Subscriptions;
import dev.keapgw.gateway.trigger.lifecycle.ConnectionEvents;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Triggers: the API under {@code /triggers}, Keap's hook deliveries under {@code /hooks/keap/},
 * the gateway's connection events, and the dispatcher that delivers the outbox to destinations.
 * See docs/TRIGGERS.md.
 */
public final class TriggerFeature implements Feature {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(TriggerFeature.class);
  static final String KEEPER_LEASE = "hook-keeper";
  static final Duration KEEP_EVERY = Duration.ofMinutes(10);

  private final String holder = UUID.randomUUID().toString();
  private volatile TokenManager tokens;
  private GatewayServices services;
  private Dispatcher dispatcher;
  private Sender sender;
  private SubscriptionKeeper keeper;
  private Leases leases;
  private TriggerServices api;
  private long keeperTimer = -1;

  @Override
  public void mount(ControlRoutes routes, GatewayServices s) {
    this.services = s;
    GatewayConfig c = s.config();
    TriggerRepository repo = new TriggerRepository(s.db().jdbi());
    DeliveryMetrics metrics = new DeliveryMetrics(s.metrics(), c.clock());
    DestinationGuard guard = new DestinationGuard(c.triggers().allowPrivateDestinations());
    sender = new Sender(s.vertx(), guard, c.triggers().deliveryTimeout(), c.clock());
    dispatcher = new Dispatcher(
        s.vertx(),
        new Outbox(s.db().jdbi(), s.db().postgres()),
        sender,
        s.secrets(),
        new RetrySchedule(() -> ThreadLocalRandom.current().nextDouble()),
        metrics,
        c.clock(),
        holder,
        c.triggers().deliveryTimeout(),
        c.triggers().pollEvery());
    Intake intake = new Intake(metrics, dispatcher::wake);
    String base = c.publicUrl().toString();
    String hookBase =
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + HookReceiver.PATH;
    Subscriptions subs = new Subscriptions(s.db().jdbi());
    KeapHooksClient keap = new KeapHooksClient(
        () -> tokens, c.apps().get("keap"), c.timeouts().connect(), c.timeouts().response());
    KeapBroker broker = new KeapBroker(subs, keap, s.connectionRepo(), repo, hookBase, c.clock());
    TriggerService triggers =
        new TriggerService(repo, s.connectionRepo(), s.secrets(), broker, guard, c.clock());
    api = new TriggerServices(
        triggers,
        new DestinationService(triggers, repo, s.secrets(), guard, c.clock()),
        new EventService(triggers, new EventLog(s.db().jdbi()), c.clock(), dispatcher::wake));
    new TriggerRoutes(api.triggers(), api.destinations(), api.events()).mount(routes);
    new HookReceiver(subs, s.connectionRepo(), repo, intake, c.clock()).mount(routes.router());
    s.connectionRepo().onDeleting(broker::connectionDeleting);
    ConnectionService connectionService = ConnectionService.of(s);
    new ConnectionEvents(s.connectionRepo(), repo, intake, connectionService::connectUrl, c.clock())
        .install();
    leases = new Leases(s.db().jdbi());
    keeper = new SubscriptionKeeper(
        subs,
        keap,
        s.connectionRepo(),
        hookBase,
        c.clock(),
        () -> leases.tryAcquire(
            KEEPER_LEASE, holder, c.clock().instant(), KEEP_EVERY.multipliedBy(3)));
  }

  @Override
  public void start(Running gateway) {
    this.tokens = gateway.tokens();
    dispatcher.start();
    keeperTimer = services.vertx().setPeriodic(KEEP_EVERY.toMillis(), t -> keepInBackground());
  }

  /** A keeper pass at once: Keap may have made hooks Inactive while this gateway was away (its handshake needs us listening). */
  @Override
  public void listening() {
    keepInBackground();
  }

  private void keepInBackground() {
    services
        .vertx()
        .executeBlocking(keeper::pass, false)
        .onFailure(e -> LOG.warn(
            "hook subscription keeper pass failed (tried again in {}): {}",
            KEEP_EVERY,
            e.toString()));
  }

  @Override
  public void stop() {
    if (keeperTimer >= 0) {
      services.vertx().cancelTimer(keeperTimer);
      try {
        // so that the next instance (or this one restarted) keeps the subscriptions at once
        leases.release(KEEPER_LEASE, holder);
      } catch (RuntimeException e) {
        LOG.warn(
            "could not release the hook keeper's lease (it lapses by itself): {}", e.toString());
      }
    }
    if (dispatcher != null) {
      dispatcher.stop();
    }
    if (sender != null) {
      sender.close();
    }
  }

  /** The services behind the API, for the console; null before {@link #mount}. */
  public TriggerServices services() {
    return api;
  }

  /** Keeps the Keap subscriptions now (tests; normally every ten minutes). */
  public int keepSubscriptions() {
    return keeper.pass();
  }

  /** Looks for due deliveries now (tests; normally on intake and every poll interval). */
  public void wake() {
    dispatcher.wake();
  }
}
