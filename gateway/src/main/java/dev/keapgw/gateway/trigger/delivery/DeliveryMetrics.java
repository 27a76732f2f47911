package dev.keapgw.gateway.trigger.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Triggers on {@code /metrics}: events received by source, delivery attempts by result
 * (delivered, retried, failed), the outbox's depth and the age of its oldest delivery (read
 * from the store now and then, so they count every instance's work), and the time from an
 * event's intake to its delivery.
 */
public final class DeliveryMetrics {
  private final MeterRegistry registry;
  private final Counter delivered;
  private final Counter retried;
  private final Counter failed;
  private final Timer latency;
  private final AtomicLong depth = new AtomicLong();
  private final AtomicLong oldestMicros = new AtomicLong();
  private final Clock clock;

  public DeliveryMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.delivered = attempts("delivered");
    this.retried = attempts("retried");
    this.failed = attempts("failed");
    this.latency = Timer.builder("triggers_delivery_latency")
        .description("From an event's intake to its delivery to a destination")
        .serviceLevelObjectives(
            java.util.stream.LongStream.of(10, 50, 100, 250, 500, 1000, 5000, 30000, 300000)
                .mapToObj(Duration::ofMillis)
                .toArray(Duration[]::new))
        .register(registry);
    Gauge.builder("triggers_outbox_depth", depth, AtomicLong::get)
        .description("Deliveries waiting in the outbox (all instances)")
        .register(registry);
    Gauge.builder("triggers_outbox_oldest_age_seconds", this, DeliveryMetrics::oldestAgeSeconds)
        .description("Age of the oldest delivery waiting in the outbox (0 when empty)")
        .register(registry);
  }

  private Counter attempts(String result) {
    return Counter.builder("triggers_delivery_attempts")
        .tag("result", result)
        .description(
            "Delivery attempts by result: delivered, retried (failed, tried again later), failed (given up)")
        .register(registry);
  }

  /** Events accepted from a source. */
  public void received(String source, int events) {
    Counter.builder("triggers_events_received")
        .tag("source", source)
        .description("Events accepted into the outbox, by source")
        .register(registry)
        .increment(events);
  }

  void delivered(Duration sinceIntake) {
    delivered.increment();
    latency.record(sinceIntake.isNegative() ? Duration.ZERO : sinceIntake);
  }

  void retried() {
    retried.increment();
  }

  void failed() {
    failed.increment();
  }

  void depth(Outbox.Depth d) {
    depth.set(d.pending());
    oldestMicros.set(d.oldest() == null ? 0 : dev.keapgw.gateway.store.Times.micros(d.oldest()));
  }

  private double oldestAgeSeconds() {
    long m = oldestMicros.get();
    if (m == 0) {
      return 0;
    }
    return Math.max(0, (dev.keapgw.gateway.store.Times.micros(clock.instant()) - m) / 1e6);
  }
}
