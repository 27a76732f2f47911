package dev.keapgw.sandbox.resthooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.events.ChangeEvents;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Keap's REST hooks at run time: receives every change the v2 API announces, batches it,
 * and delivers the batches to the tenant's Verified hooks on threads of its own (one
 * scheduler thread and a small pool for the HTTP client), so a delivery never holds up the
 * request that caused it. Deliveries waiting or being retried live in memory only: a restart
 * forgets them, while the subscriptions themselves are kept with the tenant's data.
 */
public final class RestHooks implements ChangeEvents, AutoCloseable {
  private final World world;
  private final Supplier<String> baseUrl;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ExecutorService httpThreads;
  private final HttpClient http;
  private final HookCounters counters = new HookCounters();
  private final Batches batches;
  private final Handshake handshake;

  /**
   * @param unit Keap's 30 s, scaled ({@code SandboxConfig.hookDelay}); see {@link HookTiming}
   * @param baseUrl where the sandbox answers, for the {@code apiUrl} of each object
   */
  public RestHooks(World world, Duration unit, Supplier<String> baseUrl) {
    this.world = world;
    this.baseUrl = baseUrl;
    this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("sandbox-rest-hooks"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.httpThreads = Executors.newFixedThreadPool(2, daemon("sandbox-rest-hooks-http"));
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(httpThreads)
        .build();
    HookTiming timing = new HookTiming(unit, () -> ThreadLocalRandom.current().nextDouble());
    Deliveries deliveries = new Deliveries(world, http, scheduler, timing, counters);
    this.batches = new Batches(world, scheduler, timing, deliveries, counters);
    this.handshake = new Handshake(http);
  }

  @Override
  public void changed(Tenant tenant, String eventKey, long id) {
    batches.add(tenant, eventKey, objectKey(eventKey, id));
  }

  @Override
  public void tagged(Tenant tenant, String eventKey, long tagId, List<Long> contactIds) {
    if (contactIds.isEmpty()) {
      return;
    }
    ObjectNode key = objectKey(eventKey, tagId);
    ArrayNode contacts = key.putArray("contactDetails");
    contactIds.forEach(c -> contacts.addObject().put("id", c));
    batches.add(tenant, eventKey, key);
  }

  /**
   * Sends every batch still waiting for its first attempt now, instead of when it is due:
   * for tests that hold deliveries back with a long delay to see what one batch gathers.
   */
  public void deliverWaitingNow() {
    batches.flushAll();
  }

  /** The counters {@code GET /_sandbox/rest-hooks} shows. */
  public ObjectNode stats() {
    return counters.toJson();
  }

  Handshake handshake() {
    return handshake;
  }

  private ObjectNode objectKey(String eventKey, long id) {
    return Json.object()
        .put("id", id)
        .put("apiUrl", EventKeys.apiUrl(baseUrl.get(), eventKey, id))
        .put("timestamp", world.now());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    httpThreads.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
