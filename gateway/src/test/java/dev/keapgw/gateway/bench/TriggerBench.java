package dev.keapgw.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.gateway.trigger.TriggerRequests;
import dev.keapgw.sandbox.TestHttp;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Triggers' intake and delivery against a reference, in one process on loopback: a sandbox, a
 * gateway in front of it with a {@code keap} trigger on {@code contact.add} whose one destination
 * is a loopback receiver, and a client playing Keap, which POSTs REST hook deliveries ({@code
 * {"event_key","object_type","object_keys"}}, {@code batch} object keys each) to the hook URL the
 * gateway gave Keap. The reference is the same POSTs sent straight to the receiver.
 *
 * <p>Each round has two phases, each run for the reference and then the gateway: a burst
 * ({@code events} POSTs by {@code concurrency} closed-loop callers: how fast the gateway takes
 * events in and how fast it delivers them, the latency then including the backlog) and a paced
 * phase (POSTs at a fixed {@code rate}, below what the gateway delivers: the latency of one event
 * with no backlog). An event counts as delivered when a delivery of it whose Standard Webhooks
 * signature verifies reaches the receiver; events never delivered and deliveries beyond the first
 * are counted and printed. A warm-up round comes first and is not counted; the summary is each
 * figure's median over the rounds.
 *
 * <p>With a {@code backlog}, a second trigger (on {@code contact.edit}) has a destination that
 * answers 503, and that many of its events wait in the same outbox behind its first delivery's
 * retry: what a destination that is down costs every other one.
 *
 * <p>Usage: {@code TriggerBench [events] [concurrency] [rounds] [batch] [rate]
 * [embedded|postgres] [backlog]} (bench/triggers.sh runs it).
 */
public final class TriggerBench {
  private static final long DELIVERY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private TriggerBench() {}

  /** One phase's figures (times in ms; NaN where a figure does not apply). */
  record Figures(
      double postsPerSecond,
      double postP50,
      double postP99,
      double deliveredPerSecond,
      double latencyP50,
      double latencyP99,
      double endToEndP50,
      double endToEndP99,
      double cpuMicrosPerEvent,
      int failedPosts,
      int missing,
      int duplicates) {}

  /** Runs the benchmark; the process ends with it, whatever failed (no server thread keeps it up). */
  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int rate = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    String store = args.length > 5 ? args[5] : "embedded";
    int backlog = args.length > 6 ? Integer.parseInt(args[6]) : 0;
    int paced = Math.max(50, Math.min(events / 2, rate * 5));
    PostgresEngine pg = store.equals("postgres") ? PostgresEngine.start() : null;
    String dbUrl = pg == null ? null : pg.newDatabase();
    GatewayFixture fix = new GatewayFixture(s -> s, g -> {
      GatewayConfig c = g.withAllowPrivateDestinations(true)
          .withLimits(new GatewayConfig.Limits(1_000_000, 1_000_000, 0));
      return dbUrl == null ? c : c.withDbUrl(dbUrl);
    });
    Vertx vertx = Vertx.vertx();
    fix.beforeAll(null);
    int ids = (rounds + 1) * 2 * (events + paced);
    try (TriggerArrivals book = new TriggerArrivals(vertx, ids)) {
      var account = fix.newAccount("trigger-bench");
      String connection = DirectConnections.activate(fix, account.account().id());
      TestHttp api = fix.as(account.key().secret());
      TestHttp.Reply made = api.post(
          "/triggers",
          TriggerRequests.keap(connection, "contact.add", book.url(TriggerArrivals.GATEWAY)));
      if (made.status() != 201) {
        throw new IllegalStateException("trigger: " + made.status() + " " + made.body());
      }
      book.secret(made.json().at("/trigger/destinations/0/signing_secret").asText());
      String hookUrl = hookUrl(api, "contact.add");
      Client client = new Client(vertx, concurrency, book, batch);
      if (backlog > 0) {
        // another trigger whose destination is down: its first delivery waits for its retry and
        // the others wait behind it, in the same outbox
        TestHttp.Reply down = api.post(
            "/triggers",
            Map.of(
                "source",
                "keap",
                "event_type",
                "contact.edit",
                "connection_id",
                connection,
                "destinations",
                List.of(Map.of("url", book.url(TriggerArrivals.DOWN)))));
        if (down.status() != 201) {
          throw new IllegalStateException("trigger: " + down.status() + " " + down.body());
        }
        client.fill(hookUrl(api, "contact.edit"), backlog);
      }
      System.out.printf(
          "store %s; %d cores, load %s; per round: a burst of %d events by %d callers, then %d"
              + " events paced at %d/s; %d object key(s) per hook POST; %d deliveries waiting"
              + " behind a failing destination's first; a warm-up round, then %d rounds%n",
          pg == null ? "embedded (H2 file, WRITE_DELAY=0)" : "PostgreSQL (embedded, fsync=off)",
          Runtime.getRuntime().availableProcessors(),
          Files.readString(Path.of("/proc/loadavg")).trim(),
          events,
          concurrency,
          paced,
          rate,
          batch,
          backlog,
          rounds);
      List<Figures[]> all = new ArrayList<>();
      int next = 0;
      for (int r = 0; r <= rounds; r++) {
        String label = r == 0 ? "warm-up" : "round " + r;
        Figures[] f = new Figures[4];
        f[0] = client.burst(book.url(TriggerArrivals.REFERENCE), next, events);
        next += events;
        f[1] = client.burst(hookUrl, next, events);
        next += events;
        f[2] = client.paced(book.url(TriggerArrivals.REFERENCE), next, paced, rate);
        next += paced;
        f[3] = client.paced(hookUrl, next, paced, rate);
        next += paced;
        print(label, f);
        if (r > 0) {
          all.add(f);
        }
      }
      // deliveries that came late, after their phase was counted
      Thread.sleep(1000);
      System.out.printf(
          "whole run: %d events never delivered, %d deliveries beyond the first, %d deliveries"
              + " whose signature did not verify, %d unreadable%n",
          book.missing(0, next),
          book.duplicates(0, next),
          book.unverified.get(),
          book.unreadable.get());
      Figures[] m = new Figures[4];
      for (int i = 0; i < 4; i++) {
        m[i] = median(all, i);
      }
      print("median", m);
    } finally {
      fix.afterAll(null);
      vertx.close().toCompletionStage().toCompletableFuture().join();
      if (pg != null) {
        pg.close();
      }
    }
  }

  /** The hook URL the gateway gave Keap for this event key (read back from the sandbox). */
  private static String hookUrl(TestHttp api, String eventKey) {
    for (JsonNode h : api.get("/keap/crm/rest/v1/hooks").json()) {
      if (h.path("eventKey").asText().equals(eventKey)) {
        return h.path("hookUrl").asText();
      }
    }
    throw new IllegalStateException("no hook subscription for " + eventKey);
  }

  private static void print(String label, Figures[] f) {
    System.out.printf(
        "%-8s burst: reference %6.0f POSTs/s, sent->receiver p50 %.2f p99 %.2f ms, CPU %.0f us/POST"
            + " | gateway intake %6.0f ev/s (POST round trip p50 %.2f p99 %.2f ms), delivered %6.0f"
            + " ev/s, ack->receiver p50 %.1f p99 %.1f ms, CPU %.0f us/event%s%n",
        label,
        f[0].postsPerSecond(),
        f[0].endToEndP50(),
        f[0].endToEndP99(),
        f[0].cpuMicrosPerEvent(),
        f[1].postsPerSecond(),
        f[1].postP50(),
        f[1].postP99(),
        f[1].deliveredPerSecond(),
        f[1].latencyP50(),
        f[1].latencyP99(),
        f[1].cpuMicrosPerEvent(),
        problems(f[0], f[1]));
    System.out.printf(
        "%-8s paced: reference sent->receiver p50 %.2f p99 %.2f ms"
            + " | gateway POST round trip p50 %.2f p99 %.2f ms, ack->receiver p50 %.2f p99 %.2f ms,"
            + " sent->receiver p50 %.2f p99 %.2f ms%s%n",
        label,
        f[2].endToEndP50(),
        f[2].endToEndP99(),
        f[3].postP50(),
        f[3].postP99(),
        f[3].latencyP50(),
        f[3].latencyP99(),
        f[3].endToEndP50(),
        f[3].endToEndP99(),
        problems(f[2], f[3]));
  }

  private static String problems(Figures ref, Figures gw) {
    int failed = ref.failedPosts() + gw.failedPosts();
    int missing = ref.missing() + gw.missing();
    int dup = ref.duplicates() + gw.duplicates();
    return failed + missing + dup == 0
        ? ""
        : String.format(
            " !! failed POSTs %d, never delivered %d, duplicates %d", failed, missing, dup);
  }

  private static Figures median(List<Figures[]> rounds, int column) {
    double[][] v = new double[9][rounds.size()];
    int failed = 0;
    int missing = 0;
    int dup = 0;
    for (int i = 0; i < rounds.size(); i++) {
      Figures f = rounds.get(i)[column];
      double[] row = {
        f.postsPerSecond(),
        f.postP50(),
        f.postP99(),
        f.deliveredPerSecond(),
        f.latencyP50(),
        f.latencyP99(),
        f.endToEndP50(),
        f.endToEndP99(),
        f.cpuMicrosPerEvent()
      };
      for (int k = 0; k < row.length; k++) {
        v[k][i] = row[k];
      }
      failed += f.failedPosts();
      missing += f.missing();
      dup += f.duplicates();
    }
    for (double[] a : v) {
      java.util.Arrays.sort(a);
    }
    int mid = rounds.size() / 2;
    return new Figures(
        v[0][mid], v[1][mid], v[2][mid], v[3][mid], v[4][mid], v[5][mid], v[6][mid], v[7][mid],
        v[8][mid], failed, missing, dup);
  }

  /** Plays Keap: POSTs hook deliveries, each event's id being the id of its first object key. */
  static final class Client {
    private final HttpClient http;
    private final Context context;
    private final int concurrency;
    private final TriggerArrivals book;
    private final int batch;

    Client(Vertx vertx, int concurrency, TriggerArrivals book, int batch) {
      this.http = vertx.createHttpClient(
          new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(concurrency));
      // one event-loop context for every exchange: callbacks are set before answers can come
      this.context = vertx.getOrCreateContext();
      this.concurrency = concurrency;
      this.book = book;
      this.batch = batch;
    }

    private String body(String eventKey, int id) {
      StringBuilder b = new StringBuilder(
          "{\"event_key\":\"" + eventKey + "\",\"object_type\":\"contact\",\"object_keys\":[");
      for (int k = 0; k < batch; k++) {
        b.append(k == 0 ? "" : ",")
            .append("{\"id\":")
            .append(k == 0 ? id : 10_000_000 + k)
            .append(",\"apiUrl\":\"\",\"timestamp\":\"2026-12-07T00:00:00.000Z\"}");
      }
      return b.append("]}").toString();
    }

    /** Sends event {@code id}'s hook POST; completes (never fails) once it is answered. */
    private Future<Boolean> post(URI u, int id) {
      String body = body("contact.add", id);
      book.sent.set(id, System.nanoTime());
      return http.request(new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setHost(u.getHost())
              .setPort(u.getPort())
              .setURI(u.getRawPath())
              .putHeader("content-type", "application/json"))
          .compose(req -> req.send(Buffer.buffer(body)))
          .compose(resp -> resp.body().map(b -> resp.statusCode() == 200))
          .otherwise(false)
          .onSuccess(ok -> book.acked.set(id, System.nanoTime()));
    }

    /** POSTs {@code n} contact.edit hooks, {@code concurrency} at a time, all answered 200. */
    void fill(String url, int n) throws InterruptedException {
      URI u = URI.create(url);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      CountDownLatch answered = new CountDownLatch(n);
      Runnable[] one = new Runnable[1];
      one[0] = () -> {
        int i = next.getAndIncrement();
        if (i < n) {
          http.request(new RequestOptions()
                  .setMethod(HttpMethod.POST)
                  .setHost(u.getHost())
                  .setPort(u.getPort())
                  .setURI(u.getRawPath())
                  .putHeader("content-type", "application/json"))
              .compose(req -> req.send(Buffer.buffer(body("contact.edit", i))))
              .compose(resp -> resp.body().map(b -> resp.statusCode() == 200))
              .otherwise(false)
              .onSuccess(ok -> {
                if (!ok) {
                  failed.incrementAndGet();
                }
                answered.countDown();
                one[0].run();
              });
        }
      };
      for (int k = 0; k < concurrency; k++) {
        context.runOnContext(v -> one[0].run());
      }
      answered.await();
      if (failed.get() > 0) {
        throw new IllegalStateException(failed.get() + " of the backlog's POSTs failed");
      }
    }

    Figures burst(String url, int from, int n) throws InterruptedException {
      URI u = URI.create(url);
      AtomicInteger next = new AtomicInteger(from);
      AtomicInteger failed = new AtomicInteger();
      CountDownLatch answered = new CountDownLatch(n);
      long cpu0 = cpuNanos();
      long start = System.nanoTime();
      Runnable[] one = new Runnable[1];
      one[0] = () -> {
        int id = next.getAndIncrement();
        if (id < from + n) {
          post(u, id).onSuccess(ok -> {
            if (!ok) {
              failed.incrementAndGet();
            }
            answered.countDown();
            one[0].run();
          });
        }
      };
      for (int k = 0; k < concurrency; k++) {
        context.runOnContext(v -> one[0].run());
      }
      answered.await();
      return figures(from, n, start, cpu0, failed.get());
    }

    Figures paced(String url, int from, int n, int rate) throws InterruptedException {
      URI u = URI.create(url);
      AtomicInteger failed = new AtomicInteger();
      CountDownLatch answered = new CountDownLatch(n);
      long interval = 1_000_000_000L / rate;
      long cpu0 = cpuNanos();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        int id = from + i;
        context.runOnContext(v -> post(u, id).onSuccess(ok -> {
          if (!ok) {
            failed.incrementAndGet();
          }
          answered.countDown();
        }));
      }
      answered.await();
      return figures(from, n, start, cpu0, failed.get());
    }

    /** Waits (up to a minute) for the range's events to arrive, then takes its figures. */
    private Figures figures(int from, int n, long start, long cpu0, int failed)
        throws InterruptedException {
      int to = from + n;
      long answeredAt = 0;
      for (int i = from; i < to; i++) {
        answeredAt = Math.max(answeredAt, book.acked.get(i));
      }
      long deadline = System.nanoTime() + DELIVERY_WAIT_NANOS;
      while (book.missing(from, to) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      long cpu = cpuNanos() - cpu0;
      long[] post = TriggerArrivals.spans(book.sent, book.acked, from, to);
      long[] latency = TriggerArrivals.spans(book.acked, book.arrived, from, to);
      long[] endToEnd = TriggerArrivals.spans(book.sent, book.arrived, from, to);
      int missing = book.missing(from, to);
      long last = book.lastArrival(from, to);
      return new Figures(
          n / ((answeredAt - start) / 1e9),
          percentile(post, 0.50),
          percentile(post, 0.99),
          (n - missing) / ((last - start) / 1e9),
          percentile(latency, 0.50),
          percentile(latency, 0.99),
          percentile(endToEnd, 0.50),
          percentile(endToEnd, 0.99),
          cpu / 1e3 / n,
          failed,
          missing,
          book.duplicates(from, to));
    }
  }

  /** The {@code q} quantile in milliseconds (nearest rank). */
  static double percentile(long[] nanos, double q) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] a = nanos.clone();
    java.util.Arrays.sort(a);
    int rank = (int) Math.ceil(q * a.length) - 1;
    return a[Math.max(0, rank)] / 1e6;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
