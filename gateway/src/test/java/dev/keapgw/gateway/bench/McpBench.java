package dev.keapgw.gateway.bench;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.config.AccessLogTarget;
import dev.keapgw.gateway.config.GatewayConfig;
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
 * the sandbox, in one process, alternating rounds: {@code workers} closed-loop callers each send
 * one request after the other for {@code seconds}; prints calls per second and latency
 * percentiles of each. The HTTP side is {@code GET /keap/crm/rest/v2/contacts?page_size=10}; the
 * MCP side is the JSON-RPC {@code tools/call} of {@code run_action listContacts} with the same
 * query, POSTed to {@code /mcp} as an MCP client sends it (the endpoint is stateless, so each
 * call stands alone) and answered {@code {status, body}} with the same contacts. Both sides
 * share the JDK's HTTP client so that the client's own cost is alike.
 *
 * <p>Usage: {@code McpBench [seconds] [rounds] [workers]} (bench/mcp-vs-http.sh runs it).
 */
public final class McpBench {
  private McpBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
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
          "gateway %s, %d workers, %d s per round, %d rounds (after a 5 s warm-up of each)%n",
          base, workers, seconds, rounds);
      run(http, plain, workers, 5);
      run(http, mcp, workers, 5);
      for (int r = 1; r <= rounds; r++) {
        Result h = run(http, plain, workers, seconds);
        Result m = run(http, mcp, workers, seconds);
        System.out.printf(
            "round %d  http %s | mcp run_action %s | mcp/http throughput %.2f, p99 +%.2f ms%n",
            r, h, m, m.perSecond() / h.perSecond(), m.p99() - h.p99());
      }
    } finally {
      fix.afterAll(null);
    }
  }

  private static void check(HttpResponse<String> r, String expected) {
    if (r.statusCode() != 200 || !r.body().contains(expected)) {
      throw new IllegalStateException("unexpected answer " + r.statusCode() + ": " + r.body());
    }
  }

  record Result(double perSecond, double p50, double p99, long errors) {
    @Override
    public String toString() {
      return String.format(
          "%7.0f calls/s p50 %.2f ms p99 %.2f ms%s",
          perSecond, p50, p99, errors == 0 ? "" : " errors " + errors);
    }
  }

  private static Result run(HttpClient http, HttpRequest request, int workers, int seconds)
      throws Exception {
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
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
              errors++;
            }
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
      long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Result(
          sorted.length / (double) seconds, pct(sorted, 0.50), pct(sorted, 0.99), errors);
    }
  }

  private static double pct(long[] sorted, double q) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
  }
}
