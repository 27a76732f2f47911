package dev.keapgw.gateway.bench;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.gateway.config.GatewayConfig;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An MCP {@code run_action} against the same Keap call over HTTP, through one gateway in front of
 * the sandbox, in one process. The HTTP side is {@code GET /keap/crm/rest/v2/contacts?page_size=10};
 * the MCP side is the JSON-RPC {@code tools/call} of {@code run_action listContacts} with the same
 * query, POSTed to {@code /mcp} as an MCP client sends it (the endpoint is stateless, so each call
 * stands alone) and answered {@code {status, body}} with the same contacts. Both sides share the
 * JDK's HTTP client so that the client's own cost is alike.
 *
 * <p>After a warm-up of each side (the JIT compiles both paths before anything is measured), each
 * round measures, alternating HTTP and MCP: closed-loop callers at saturation ({@code workers}
 * at once: calls per second) and one caller alone (the machine not saturated: what a call adds
 * to the latency). Each measurement also gives the process's CPU time per call (gateway, sandbox
 * and client together: they share the process, so the difference between the sides is what a tool
 * call adds). The summary is the median over the rounds.
 *
 * <p>Usage: {@code McpBench [seconds] [rounds] [workers] [warm-up seconds]}
 * (bench/mcp-vs-http.sh runs it).
 */
public final class McpBench {
  private McpBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Path log = Files.createTempFile("mcp-bench-access", ".log");
    GatewayFixture fix = new GatewayFixture(
        s -> s,
        g -> g.withAccessLog(AccessLogTarget.file(log))
            .withLimits(new GatewayConfig.Limits(1_000_000, 1_000_000, 0)));
    fix.beforeAll(null);
    try {
      var account = fix.newAccount("bench");
      DirectConnections.activate(fix, account.account().id());
      String base = fix.gateway().baseUrl();
      String key = account.key().secret();
      HttpClient http =
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest plain = HttpRequest.newBuilder(
              URI.create(base + "/keap/crm/rest/v2/contacts?page_size=10"))
          .header("Authorization", "Bearer " + key)
          .GET()
          .build();
      HttpRequest mcp = HttpRequest.newBuilder(URI.create(base + "/mcp"))
          .header("Authorization", "Bearer " + key)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                  + "\"params\":{\"name\":\"run_action\",\"arguments\":{\"action\":\"listContacts\","
                  + "\"query\":{\"page_size\":10}}}}"))
          .build();
      check(http.send(plain, HttpResponse.BodyHandlers.ofString()), "\"contacts\"");
      check(http.send(mcp, HttpResponse.BodyHandlers.ofString()), "\\\"contacts\\\"");
      System.out.printf(
          "gateway %s, %d cores; %d s warm-up of each side at %d workers, then %d rounds of %d s"
              + " per measurement%n",
          base, Runtime.getRuntime().availableProcessors(), warmUp, workers, rounds, seconds);
      // alternating slices of 10 s: both sides warm alike, and no pooled connection of the JDK
      // client
      // idles near its keep-alive limit (a POST that meets one being closed is not retried; a GET
      // is)
      for (int i = 0; i < Math.max(1, warmUp / 10); i++) {
        run(http, plain, workers, 10);
        run(http, mcp, workers, 10);
      }
      List<Result[]> all = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        Result h = run(http, plain, workers, seconds);
        Result m = run(http, mcp, workers, seconds);
        Result h1 = run(http, plain, 1, seconds);
        Result m1 = run(http, mcp, 1, seconds);
        all.add(new Result[] {h, m, h1, m1});
        System.out.printf(
            "round %d, %d workers: http %s | mcp %s | mcp/http %.2f%n",
            r, workers, h, m, m.perSecond() / h.perSecond());
        System.out.printf(
            "round %d, 1 worker:  http %s | mcp %s | added p50 %+.2f ms, p99 %+.2f ms%n",
            r, h1, m1, m1.p50() - h1.p50(), m1.p99() - h1.p99());
      }
      Result h = median(all, 0);
      Result m = median(all, 1);
      Result h1 = median(all, 2);
      Result m1 = median(all, 3);
      System.out.printf(
          "median, %d workers: http %.0f calls/s, mcp %.0f calls/s, mcp/http %.2f; CPU per call"
              + " http %.0f us, mcp %.0f us (+%.0f us)%n",
          workers,
          h.perSecond(),
          m.perSecond(),
          m.perSecond() / h.perSecond(),
          h.cpuMicrosPerCall(),
          m.cpuMicrosPerCall(),
          m.cpuMicrosPerCall() - h.cpuMicrosPerCall());
      System.out.printf(
          "median, 1 worker: http p50 %.2f p99 %.2f ms, mcp p50 %.2f p99 %.2f ms, added p50 %+.2f"
              + " p99 %+.2f ms; CPU per call http %.0f us, mcp %.0f us (+%.0f us)%n",
          h1.p50(),
          h1.p99(),
          m1.p50(),
          m1.p99(),
          m1.p50() - h1.p50(),
          m1.p99() - h1.p99(),
          h1.cpuMicrosPerCall(),
          m1.cpuMicrosPerCall(),
          m1.cpuMicrosPerCall() - h1.cpuMicrosPerCall());
    } finally {
      fix.afterAll(null);
    }
  }

  private static void check(HttpResponse<String> r, String expected) {
    if (r.statusCode() != 200 || !r.body().contains(expected)) {
      throw new IllegalStateException("unexpected answer " + r.statusCode() + ": " + r.body());
    }
  }

  /** One measurement: calls per second, latency percentiles, the process's CPU time per call. */
  record Result(double perSecond, double p50, double p99, double cpuMicrosPerCall, long errors) {
    @Override
    public String toString() {
      return String.format(
          "%6.0f calls/s p50 %.2f p99 %.2f ms cpu %.0f us/call%s",
          perSecond, p50, p99, cpuMicrosPerCall, errors == 0 ? "" : " errors " + errors);
    }
  }

  /** Each figure's median over the rounds (taken separately). */
  private static Result median(List<Result[]> rounds, int column) {
    double[][] v = new double[4][rounds.size()];
    for (int i = 0; i < rounds.size(); i++) {
      Result r = rounds.get(i)[column];
      v[0][i] = r.perSecond();
      v[1][i] = r.p50();
      v[2][i] = r.p99();
      v[3][i] = r.cpuMicrosPerCall();
    }
    for (double[] a : v) {
      Arrays.sort(a);
    }
    int mid = rounds.size() / 2;
    return new Result(v[0][mid], v[1][mid], v[2][mid], v[3][mid], 0);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Result run(HttpClient http, HttpRequest request, int workers, int seconds)
      throws Exception {
    long cpu0 = cpuNanos();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<long[]>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
      for (int i = 0; i < workers; i++) {
        futures.add(pool.submit(() -> {
          long[] lat = new long[1 << 16];
          int n = 0;
          long errors = 0;
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
              if (r.statusCode() != 200) {
                errors++;
              }
            } catch (java.io.IOException e) {
              errors++;
              System.out.printf(
                  "%s %s: %s%n", java.time.LocalTime.now(), request.uri().getPath(), e);
            }
            long t = System.nanoTime() - t0;
            if (n == lat.length) {
              lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = t;
          }
          long[] out = Arrays.copyOf(lat, n + 1);
          out[n] = errors;
          return out;
        }));
      }
      List<Long> all = new ArrayList<>();
      long errors = 0;
      for (Future<long[]> f : futures) {
        long[] l = f.get();
        for (int i = 0; i < l.length - 1; i++) {
          all.add(l[i]);
        }
        errors += l[l.length - 1];
      }
      long cpu = cpuNanos() - cpu0;
      long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Result(
          sorted.length / (double) seconds,
          pct(sorted, 0.50),
          pct(sorted, 0.99),
          sorted.length == 0 ? 0 : cpu / 1e3 / sorted.length,
          errors);
    }
  }

  private static double pct(long[] sorted, double q) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
  }
}
