package dev.keapgw.gateway.trigger.delivery;

import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.trigger.Secrets;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every {@code pollEvery}, and at once when {@link #wake} is called (an
 * event was taken in or an attempt ended), it claims due deliveries (up to the attempts it may
 * still have in flight), sends them, and records each outcome. One pass at a time per instance;
 * instances share the work through {@link Outbox}'s claims.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  static final int MAX_IN_FLIGHT = 64;
  private static final Duration DEPTH_EVERY = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final Outbox outbox;
  private final Sender sender;
  private final SecretBox secrets;
  private final RetrySchedule schedule;
  private final DeliveryMetrics metrics;
  private final Clock clock;
  private final String holder;
  private final Duration lease;
  private final Duration pollEvery;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopped;
  private long timer = -1;
  private volatile long lastDepthNanos;

  public Dispatcher(
      Vertx vertx,
      Outbox outbox,
      Sender sender,
      SecretBox secrets,
      RetrySchedule schedule,
      DeliveryMetrics metrics,
      Clock clock,
      String holder,
      Duration deliveryTimeout,
      Duration pollEvery) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.sender = sender;
    this.secrets = secrets;
    this.schedule = schedule;
    this.metrics = metrics;
    this.clock = clock;
    this.holder = holder;
    this.lease = deliveryTimeout.plusSeconds(30);
    this.pollEvery = pollEvery;
  }

  public void start() {
    timer = vertx.setPeriodic(pollEvery.toMillis(), t -> wake());
    wake();
  }

  /** Looks for due deliveries now (a pass is started unless one runs; then it runs once more). */
  public void wake() {
    if (stopped) {
      return;
    }
    // asked first, then tried: a pass ending between the two sees the request and runs again
    // (set after a failed try, it could land after the ending pass had looked, and wait for the
    // poll)
    again.set(true);
    if (!running.compareAndSet(false, true)) {
      return;
    }
    again.set(false);
    vertx
        .executeBlocking(
            () -> {
              pass();
              return null;
            },
            false)
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.warn(
                "delivery pass failed (retried on the next one): {}", ar.cause().toString());
          }
          running.set(false);
          if (again.getAndSet(false)) {
            wake();
          }
        });
  }

  private void pass() {
    if (System.nanoTime() - lastDepthNanos > DEPTH_EVERY.toNanos()) {
      lastDepthNanos = System.nanoTime();
      metrics.depth(outbox.depth());
    }
    while (!stopped) {
      int free = MAX_IN_FLIGHT - inFlight.get();
      if (free <= 0) {
        return;
      }
      List<Claimed> batch = outbox.claim(holder, clock.instant(), lease, free);
      for (Claimed c : batch) {
        attempt(c);
      }
      if (batch.size() < free) {
        return;
      }
    }
  }

  /** Sends one claimed delivery (called on a worker thread: the guard resolves names). */
  private void attempt(Claimed c) {
    inFlight.incrementAndGet();
    Message m;
    try {
      m = Message.of(
          c,
          Secrets.open(secrets, c.destinationId(), c.secretSealed()),
          clock.instant().getEpochSecond());
    } catch (RuntimeException e) {
      LOG.error("delivery {} cannot be prepared: {}", c.deliveryId(), e.toString());
      record(
          c, new Outcome(null, Duration.ZERO, "the gateway could not prepare the message", null));
      return;
    }
    sender
        .send(c.url(), c.method(), m)
        .onComplete(ar -> vertx.executeBlocking(
            () -> {
              record(
                  c,
                  ar.succeeded()
                      ? ar.result()
                      : new Outcome(null, Duration.ZERO, ar.cause().toString(), null));
              return null;
            },
            false));
  }

  private void record(Claimed c, Outcome o) {
    try {
      Instant now = clock.instant();
      if (o.succeeded()) {
        outbox.succeeded(c, o, now);
        metrics.delivered(Duration.between(c.receivedAt(), now));
      } else {
        Duration wait = o.gone() ? null : schedule.next(c.attempts(), o.retryAfter());
        Outbox.Verdict v = outbox.failed(c, holder, o, wait, now);
        if (v == Outbox.Verdict.RETRY) {
          metrics.retried();
        } else if (v != Outbox.Verdict.STALE) {
          metrics.failed();
        }
      }
    } catch (RuntimeException e) {
      // the claim lapses and another attempt follows: at least once
      LOG.warn("could not record the outcome of delivery {}: {}", c.deliveryId(), e.toString());
    } finally {
      inFlight.decrementAndGet();
      wake();
    }
  }

  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
