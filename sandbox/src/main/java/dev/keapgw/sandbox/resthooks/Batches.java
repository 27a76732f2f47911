package dev.keapgw.sandbox.resthooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Changes waiting for their first delivery, gathered per tenant and event key: the first
 * change of a batch schedules its send {@link HookTiming#firstAttempt} later, and every change
 * until then joins it. When it is due, the batch goes to each of the tenant's Verified hooks
 * for that key, cut into deliveries of at most {@value #MAX_OBJECTS} objects. A change for a
 * key no hook of the tenant subscribes to is not kept at all.
 */
final class Batches {
  static final int MAX_OBJECTS = 1000;

  private record Key(String tenantId, String eventKey) {}

  private final ConcurrentHashMap<Key, List<ObjectNode>> pending = new ConcurrentHashMap<>();
  private final World world;
  private final ScheduledExecutorService scheduler;
  private final HookTiming timing;
  private final Deliveries deliveries;
  private final HookCounters counters;

  Batches(
      World world,
      ScheduledExecutorService scheduler,
      HookTiming timing,
      Deliveries deliveries,
      HookCounters counters) {
    this.world = world;
    this.scheduler = scheduler;
    this.timing = timing;
    this.deliveries = deliveries;
    this.counters = counters;
  }

  void add(Tenant tenant, String eventKey, ObjectNode objectKey) {
    if (!HookStore.anyFor(tenant, eventKey)) {
      return;
    }
    counters.changes.incrementAndGet();
    counters.pendingObjects.incrementAndGet();
    pending.compute(new Key(tenant.id(), eventKey), (key, items) -> {
      List<ObjectNode> batch = items;
      if (batch == null) {
        batch = new ArrayList<>();
        schedule(key);
      }
      batch.add(objectKey);
      return batch;
    });
  }

  /** Sends every waiting batch now instead of when it is due. */
  void flushAll() {
    List.copyOf(pending.keySet()).forEach(this::flush);
  }

  private void schedule(Key key) {
    try {
      scheduler.schedule(
          () -> flush(key), timing.firstAttempt(key.eventKey()).toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // the sandbox is closing
    }
  }

  private void flush(Key key) {
    List<ObjectNode> items = pending.remove(key);
    if (items == null) {
      return;
    }
    counters.pendingObjects.addAndGet(-items.size());
    Tenant tenant = world.find(key.tenantId());
    List<ObjectNode> hooks =
        tenant == null ? List.of() : HookStore.verifiedFor(tenant, key.eventKey());
    for (int from = 0; from < items.size(); from += MAX_OBJECTS) {
      byte[] body =
          body(key.eventKey(), items.subList(from, Math.min(items.size(), from + MAX_OBJECTS)));
      counters.batches.incrementAndGet();
      for (ObjectNode hook : hooks) {
        deliveries.send(new Deliveries.Attempt(
            key.tenantId(),
            Long.parseLong(hook.path("id").asText()),
            hook.path("hookUrl").asText(),
            body,
            1));
      }
    }
  }

  /** Keap's delivery body: {@code {"event_key","object_type","object_keys":[...]}}. */
  private static byte[] body(String eventKey, List<ObjectNode> objectKeys) {
    ObjectNode body =
        Json.object().put("event_key", eventKey).put("object_type", EventKeys.objectType(eventKey));
    body.putArray("object_keys").addAll(objectKeys);
    return Json.bytes(body);
  }
}
