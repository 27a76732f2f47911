package dev.keapgw.gateway.bench;

import dev.keapgw.gateway.proxy.RequestRecorder.FinishedRequest;
import dev.keapgw.gateway.traffic.TrafficRecorder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What the console's traffic recorder adds to a data-plane request, against a reference the
 * proxy already pays on every request: one record of its Micrometer timer (the
 * {@code gateway_requests} timer with its fixed buckets, as {@code proxy.ProxyMetrics} makes it).
 * Alternating rounds on one thread, each {@code calls} calls over 50 connections of 10 accounts
 * with an upstream answer's headers (the sampled {@code x-keap-*} and {@code X-RateLimit-*}
 * among them) and a query string to reduce; prints nanoseconds per call of each and their ratio.
 *
 * <p>Usage: {@code RecorderBench [rounds] [calls]} (bench/recorder.sh runs it).
 */
public final class RecorderBench {
  private RecorderBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
    TrafficRecorder recorder = new TrafficRecorder();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer timer = Timer.builder("gateway_requests")
        .tag("app", "keap")
        .tag("status", "200")
        .serviceLevelObjectives(java.util.stream.LongStream.of(
                1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000)
            .mapToObj(Duration::ofMillis)
            .toArray(Duration[]::new))
        .register(registry);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")
        .add("X-Request-Id", "a8c1c2a4-1b7e-4d7e-9f63-0c1d2e3f4a5b")
        .add("X-RateLimit-Limit", "10")
        .add("X-RateLimit-Remaining", "7")
        .add("X-RateLimit-Reset", "1")
        .add("x-keap-product-quota-limit", "150000")
        .add("x-keap-product-quota-used", "812")
        .add("x-keap-product-throttle-limit", "1500")
        .add("x-keap-product-throttle-used", "41")
        .add("x-keap-tenant-throttle-limit", "10000|250000")
        .add("x-keap-tenant-throttle-used", "12|812");
    String[] connections = new String[50];
    String[] accounts = new String[10];
    for (int i = 0; i < connections.length; i++) {
      connections[i] = java.util.UUID.randomUUID().toString();
    }
    for (int i = 0; i < accounts.length; i++) {
      accounts[i] = java.util.UUID.randomUUID().toString();
    }
    FinishedRequest[] requests = new FinishedRequest[1024];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = new FinishedRequest(
          0,
          "req-" + i,
          "GET",
          "/keap/crm/rest/v2/contacts",
          i % 2 == 0 ? "page_size=10&order_by=id" : null,
          i % 17 == 0 ? 404 : 200,
          true,
          800 + i,
          accounts[i % accounts.length],
          connections[i % connections.length],
          headers);
    }
    // warm both up
    recorderRound(recorder, requests, calls);
    timerRound(timer, calls);
    double[] rec = new double[rounds];
    double[] ref = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      rec[r] = recorderRound(recorder, requests, calls);
      ref[r] = timerRound(timer, calls);
      System.out.printf(
          "round %d: recorder %.0f ns/call, reference (one timer record) %.0f ns/call%n",
          r + 1, rec[r], ref[r]);
    }
    Arrays.sort(rec);
    Arrays.sort(ref);
    System.out.printf(
        "median: recorder %.0f ns/call, reference %.0f ns/call, ratio %.2f%n",
        rec[rounds / 2], ref[rounds / 2], rec[rounds / 2] / ref[rounds / 2]);
  }

  private static double recorderRound(
      TrafficRecorder recorder, FinishedRequest[] template, int calls) {
    long start = System.nanoTime();
    long now = System.currentTimeMillis();
    for (int i = 0; i < calls; i++) {
      FinishedRequest t = template[i & 1023];
      // a fresh record per call, as the access-log step makes one (its time moves on)
      recorder.record(new FinishedRequest(
          now + (i >> 10),
          t.requestId(),
          t.method(),
          t.path(),
          t.query(),
          t.status(),
          t.fromUpstream(),
          t.durationMicros(),
          t.accountId(),
          t.connectionId(),
          t.responseHeaders()));
    }
    return (System.nanoTime() - start) / (double) calls;
  }

  private static double timerRound(Timer timer, int calls) {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      timer.record(800 + (i & 1023), TimeUnit.MICROSECONDS);
    }
    return (System.nanoTime() - start) / (double) calls;
  }
}
