package dev.keapgw.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.gateway.trigger.WebhookVerifier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's loopback receiver and its book of every event id of the run: when each hook
 * POST was sent and acknowledged, when its event first reached the receiver, and how often.
 *
 * <p>Every event of the run has its own id (the {@code id} of its first object key), so a late or
 * repeated delivery is counted against its own event, never another round's. On {@code /ref} the
 * receiver takes the hook body as it was POSTed (the reference); on {@code /gw} it takes the
 * gateway's delivery, counted only when its Standard Webhooks signature verifies (checked with
 * the tests' independent {@link WebhookVerifier}).
 */
final class TriggerArrivals implements AutoCloseable {
  static final String REFERENCE = "/ref";
  static final String GATEWAY = "/gw";
  /** A destination that is down: answers 503 to everything. */
  static final String DOWN = "/down";

  private static final ObjectMapper JSON = new ObjectMapper();

  final AtomicLongArray sent;
  final AtomicLongArray acked;
  final AtomicLongArray arrived;
  final AtomicIntegerArray arrivals;
  final AtomicInteger unverified = new AtomicInteger();
  final AtomicInteger unreadable = new AtomicInteger();
  private final HttpServer server;
  private volatile String secret;

  TriggerArrivals(Vertx vertx, int ids) throws Exception {
    sent = new AtomicLongArray(ids);
    acked = new AtomicLongArray(ids);
    arrived = new AtomicLongArray(ids);
    arrivals = new AtomicIntegerArray(ids);
    server = vertx
        .createHttpServer()
        .requestHandler(req -> req.body().onSuccess(b -> {
          if (DOWN.equals(req.path())) {
            req.response().setStatusCode(503).end();
            return;
          }
          take(req, b);
          req.response().setStatusCode(200).end();
        }))
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** The destination's signing secret (from the trigger's create answer). */
  void secret(String whsec) {
    this.secret = whsec;
  }

  private void take(HttpServerRequest req, Buffer b) {
    long now = System.nanoTime();
    byte[] body = b.getBytes();
    JsonNode keys;
    try {
      JsonNode tree = JSON.readTree(body);
      if (GATEWAY.equals(req.path())) {
        if (!WebhookVerifier.verify(
            secret,
            req.getHeader("webhook-id"),
            req.getHeader("webhook-timestamp"),
            req.getHeader("webhook-signature"),
            body,
            Instant.now())) {
          unverified.incrementAndGet();
          return;
        }
        keys = tree.path("payload").path("object_keys");
      } else {
        keys = tree.path("object_keys");
      }
    } catch (IOException e) {
      unreadable.incrementAndGet();
      return;
    }
    int id = keys.path(0).path("id").asInt(-1);
    if (id < 0 || id >= arrived.length()) {
      unreadable.incrementAndGet();
      return;
    }
    if (arrivals.incrementAndGet(id) == 1) {
      arrived.set(id, now);
    }
  }

  /** Events of {@code [from, to)} that have not arrived yet. */
  int missing(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (arrivals.get(i) == 0) {
        n++;
      }
    }
    return n;
  }

  /** Deliveries beyond the first of the events of {@code [from, to)}. */
  int duplicates(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += Math.max(0, arrivals.get(i) - 1);
    }
    return n;
  }

  /** The latest first arrival among {@code [from, to)}. */
  long lastArrival(int from, int to) {
    long max = 0;
    for (int i = from; i < to; i++) {
      max = Math.max(max, arrived.get(i));
    }
    return max;
  }

  /** {@code end[i] - start[i]} in nanoseconds for the events of the range that have both. */
  static long[] spans(AtomicLongArray start, AtomicLongArray end, int from, int to) {
    long[] out = new long[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (start.get(i) != 0 && end.get(i) != 0) {
        out[n++] = end.get(i) - start.get(i);
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  @Override
  public void close() {
    server.close().toCompletionStage().toCompletableFuture().join();
  }
}
