package dev.keapgw.gateway.prove;

import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One load client: in a loop, a mix of reads and writes with its account's key. It keeps at
 * most a few contacts of its own (creates, reads, updates and deletes them), so the upstream's
 * data stays the same size however long it runs.
 */
final class LoadClient {
  /** What all clients saw: latencies, statuses, and the answers no injected fault explains. */
  static final class Tally {
    /** Latencies in 1 ms buckets up to a minute: constant memory, so the tally adds nothing to the heap trend. */
    private final AtomicLongArray latencies = new AtomicLongArray(60_001);

    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexplained = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();

    void record(String what, long micros, TestHttp.Reply r, int... expected) {
      requests.incrementAndGet();
      latencies.incrementAndGet((int) Math.min(60_000, micros / 1000));
      statuses.computeIfAbsent(r.status(), k -> new AtomicLong()).incrementAndGet();
      for (int e : expected) {
        if (r.status() == e) {
          return;
        }
      }
      if (r.status() == 503 && r.body().contains("Injected fault")) {
        injected.incrementAndGet();
        return;
      }
      if (unexplained.size() < 20) {
        unexplained.add(what + " -> " + r.status() + " "
            + r.body().substring(0, Math.min(300, r.body().length())));
      }
    }

    void failed(String what, RuntimeException e) {
      requests.incrementAndGet();
      if (failures.size() < 20) {
        failures.add(what + ": " + e);
      }
    }

    long requests() {
      return requests.get();
    }

    long injected() {
      return injected.get();
    }

    List<String> unexplained() {
      return List.copyOf(unexplained);
    }

    List<String> failures() {
      return List.copyOf(failures);
    }

    Map<Integer, Long> statuses() {
      Map<Integer, Long> out = new TreeMap<>();
      statuses.forEach((k, v) -> out.put(k, v.get()));
      return out;
    }

    /** The latency at this quantile (0 to 1), in ms. */
    long percentile(double q) {
      long total = 0;
      for (int i = 0; i < latencies.length(); i++) {
        total += latencies.get(i);
      }
      long rank = Math.max(1, (long) Math.ceil(q * total));
      long seen = 0;
      for (int i = 0; i < latencies.length(); i++) {
        seen += latencies.get(i);
        if (seen >= rank) {
          return i;
        }
      }
      return 0;
    }
  }

  private static final String CONTACTS = "/keap/crm/rest/v2/contacts";
  private final int n;
  private final Map<String, String> auth;
  private final SharedHttp http;
  private final Tally tally;
  private final AtomicBoolean running;
  private final Deque<String> mine = new ArrayDeque<>();
  private int created;

  LoadClient(int n, String apiKey, SharedHttp http, Tally tally, AtomicBoolean running) {
    this.n = n;
    this.auth = SharedHttp.bearer(apiKey);
    this.http = http;
    this.tally = tally;
    this.running = running;
  }

  void run() {
    while (running.get()) {
      step(ThreadLocalRandom.current().nextInt(100));
    }
    while (!mine.isEmpty()) { // leave the upstream as it was
      call("DELETE contact", "DELETE", CONTACTS + "/" + mine.pop(), null, 204);
    }
  }

  /** Every kind of request once (a warm-up). */
  void oneRound() {
    for (int roll : new int[] {0, 40, 55, 60, 75, 85, 99}) {
      step(roll);
    }
    while (!mine.isEmpty()) {
      call("DELETE contact", "DELETE", CONTACTS + "/" + mine.pop(), null, 204);
    }
  }

  private void step(int roll) {
    if (roll < 40) {
      call("list contacts", "GET", CONTACTS + "?page_size=5", null, 200);
    } else if (roll < 55) {
      call("list tags", "GET", "/keap/crm/rest/v2/tags?page_size=5", null, 200);
    } else if (roll < 60 || mine.isEmpty()) {
      if (mine.size() >= 3) {
        call("DELETE contact", "DELETE", CONTACTS + "/" + mine.pollFirst(), null, 204);
        return;
      }
      String body = "{\"given_name\":\"Load\",\"family_name\":\"Client " + n
          + "\",\"email_addresses\":[{\"email\":" + "\"load-" + n + "-" + (created++)
          + "@example.com\",\"field\":\"EMAIL1\"}]}";
      TestHttp.Reply r = call("create contact", "POST", CONTACTS, body, 201);
      if (r != null && r.status() == 201) {
        mine.add(r.json().path("id").asText());
      }
    } else if (roll < 75) {
      call("get contact", "GET", CONTACTS + "/" + mine.peekLast(), null, 200);
    } else if (roll < 85) {
      call(
          "update contact",
          "PATCH",
          CONTACTS + "/" + mine.peekLast(),
          "{\"family_name\":\"Updated " + n + "\"}",
          200);
    } else if (roll < 98) {
      call("DELETE contact", "DELETE", CONTACTS + "/" + mine.pollFirst(), null, 204);
    } else {
      call("list connections", "GET", "/connections?app=keap", null, 200);
    }
  }

  private TestHttp.Reply call(
      String what, String method, String path, String body, int... expected) {
    long t = System.nanoTime();
    try {
      TestHttp.Reply r = http.send(method, path, auth, body);
      tally.record(what, (System.nanoTime() - t) / 1000, r, expected);
      return r;
    } catch (RuntimeException e) {
      tally.failed(what, e);
      return null;
    }
  }
}
