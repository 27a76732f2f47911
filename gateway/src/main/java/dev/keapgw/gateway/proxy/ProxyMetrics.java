package dev.keapgw.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The data plane's Prometheus meters: requests by app and status with latency, and rejections. */
final class ProxyMetrics {
  private static final Duration[] BUCKETS = java.util.stream.LongStream.of(
          1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000)
      .mapToObj(Duration::ofMillis)
      .toArray(Duration[]::new);
  private final MeterRegistry registry;
  /** Per app, a timer per status code (100 to 599), made on first use. */
  private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void request(String app, int status, long nanos) {
    Timer[] byStatus = timers.computeIfAbsent(app, k -> new Timer[500]);
    int i = status >= 100 && status < 600 ? status - 100 : 499;
    Timer t = byStatus[i];
    if (t == null) {
      t = byStatus[i] = timer(app, status);
    }
    t.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Timer timer(String app, int status) {
    return Timer.builder("gateway_requests")
        .description("Data-plane requests by app and answered status")
        .tag("app", app)
        .tag("status", Integer.toString(status))
        // a fixed, short set of buckets: cheap to record on every request, enough for latency SLOs
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  void rateLimited(String limit) {
    count("gateway_rate_limited", "limit", limit);
  }

  void upstreamError(String kind) {
    count("gateway_upstream_errors", "kind", kind);
  }

  private void count(String name, String tag, String value) {
    counters
        .computeIfAbsent(
            name + "|" + value, k -> Counter.builder(name).tag(tag, value).register(registry))
        .increment();
  }
}
