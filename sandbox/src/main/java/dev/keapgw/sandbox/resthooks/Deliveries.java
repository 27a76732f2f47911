package dev.keapgw.sandbox.resthooks;

import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches to hook URLs with Keap's retry policy: an answer from 200 to 399 is a
 * success; 410 makes the hook Inactive at once; anything else (another status, no answer
 * within 30 s, no connection) is a failed attempt, followed by another after
 * {@link HookTiming#retryAfter} until the fourth, whose failure makes the hook Inactive.
 * Before each attempt the hook is read again: one deleted, no longer Verified or pointing
 * elsewhere gets nothing more. Sending is asynchronous; nothing here blocks a thread.
 */
final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

  /** One attempt of one batch to one hook. */
  record Attempt(String tenantId, long hookKey, String hookUrl, byte[] body, int number) {
    Attempt next() {
      return new Attempt(tenantId, hookKey, hookUrl, body, number + 1);
    }
  }

  private final World world;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final HookTiming timing;
  private final HookCounters counters;

  Deliveries(
      World world,
      HttpClient http,
      ScheduledExecutorService scheduler,
      HookTiming timing,
      HookCounters counters) {
    this.world = world;
    this.http = http;
    this.scheduler = scheduler;
    this.timing = timing;
    this.counters = counters;
  }

  void send(Attempt a) {
    Tenant tenant = world.find(a.tenantId());
    boolean live = tenant != null
        && HookStore.find(tenant, Long.toString(a.hookKey()))
            .filter(row -> row.path("status").asText().equals(HookStatus.Verified.name()))
            .filter(row -> row.path("hookUrl").asText().equals(a.hookUrl()))
            .isPresent();
    if (!live) {
      counters.dropped.incrementAndGet();
      return;
    }
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(a.hookUrl()))
          .timeout(HookTiming.ANSWER_TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(a.body()))
          .build();
    } catch (IllegalArgumentException e) {
      settle(a, tenant, -1);
      return;
    }
    counters.attempts.incrementAndGet();
    // The outcome is handled on the scheduler's thread, not on whichever thread completed the
    // exchange.
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenCompleteAsync(
            (answer, error) -> settle(a, tenant, answer == null ? -1 : answer.statusCode()),
            scheduler);
  }

  private void settle(Attempt a, Tenant tenant, int status) {
    if (status >= 200 && status < 400) {
      counters.delivered.incrementAndGet();
      return;
    }
    counters.failedAttempts.incrementAndGet();
    if (status == 410 || a.number() >= HookTiming.MAX_ATTEMPTS) {
      LOG.info(
          "REST hook {} of tenant {} is now Inactive: {}",
          a.hookKey(),
          a.tenantId(),
          status == 410 ? "its receiver answered 410" : "four attempts failed");
      HookStore.deactivate(tenant, a.hookKey(), a.hookUrl());
      counters.inactivated.incrementAndGet();
      return;
    }
    try {
      scheduler.schedule(
          () -> send(a.next()), timing.retryAfter(a.number()).toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // the sandbox is closing
    }
  }
}
