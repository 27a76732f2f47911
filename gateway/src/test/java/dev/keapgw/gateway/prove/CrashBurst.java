package dev.keapgw.gateway.prove;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes and reads a gateway process is killed in the middle of, each on its own threads:
 * connection creates, deletes of just-created connections, connect flows (activations), new
 * API keys, and data requests over the ACTIVE connections (which refresh their short-lived
 * tokens all the time). Only what the gateway acknowledged is recorded as acknowledged: a 201,
 * a 200, a finished connect flow. Failures after the kill are expected and ignored.
 */
final class CrashBurst {
  /** A connection the gateway confirmed, and the key of the account it belongs to. */
  record Owned(String connectionId, String apiKey) {}

  final Queue<Owned> created = new ConcurrentLinkedQueue<>();
  final Queue<Owned> deleted = new ConcurrentLinkedQueue<>();
  final Queue<Owned> activated = new ConcurrentLinkedQueue<>();
  final Queue<String> keys = new ConcurrentLinkedQueue<>();
  final AtomicLong dataOk = new AtomicLong();
  final Map<Integer, AtomicLong> dataStatuses = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private static final String APP = "{\"app\":\"keap\"}";
  private final SharedHttp http;
  private final String adminToken;

  CrashBurst(String base, String adminToken) {
    this.http = new SharedHttp(base, java.time.Duration.ofSeconds(20));
    this.adminToken = adminToken;
  }

  void start(List<String> apiKeys, String accountForKeys, List<Owned> active) {
    for (int i = 0; i < 4; i++) {
      String key = apiKeys.get(i % apiKeys.size());
      loop(() -> {
        TestHttp.Reply r = http.send("POST", "/connections", SharedHttp.bearer(key), APP);
        if (r.status() == 201) {
          created.add(new Owned(r.json().at("/connection/connection_id").asText(), key));
        }
      });
    }
    loop(() -> {
      Owned o = created.peek();
      if (o != null && created.remove(o)) {
        if (http.send(
                    "DELETE",
                    "/connections/" + o.connectionId(),
                    SharedHttp.bearer(o.apiKey()),
                    null)
                .status()
            == 200) {
          deleted.add(o);
        } else {
          created.add(o);
        }
      }
    });
    String connector = apiKeys.get(0);
    loop(() -> {
      JsonNode c = http.send("POST", "/connections", SharedHttp.bearer(connector), APP)
          .json()
          .path("connection");
      ConnectFlow.Steps steps = ConnectFlow.open(c.path("url").asText());
      if (steps.callback() != null
          && steps.callback().status() == 200
          && steps.callback().body().contains("Connected")) {
        activated.add(new Owned(c.path("connection_id").asText(), connector));
      }
    });
    loop(() -> {
      TestHttp.Reply r = http.send(
          "POST",
          "/admin/accounts/" + accountForKeys + "/keys",
          SharedHttp.bearer(adminToken),
          "{\"name\":\"burst\"}");
      if (r.status() == 201) {
        keys.add(r.json().path("api_key").asText());
      }
    });
    for (int i = 0; i < 4; i++) {
      int first = i;
      loop(new Runnable() {
        int n = first;

        @Override
        public void run() {
          Owned o = active.get(n++ % active.size());
          int s = http.send(
                  "GET",
                  "/keap/crm/rest/v2/contacts?page_size=1",
                  Map.of(
                      "Authorization",
                      "Bearer " + o.apiKey(),
                      "Maton-Connection",
                      o.connectionId()),
                  null)
              .status();
          dataStatuses.computeIfAbsent(s, k -> new AtomicLong()).incrementAndGet();
          if (s == 200) {
            dataOk.incrementAndGet();
          }
        }
      });
    }
  }

  private void loop(Runnable step) {
    threads.submit(() -> {
      while (running.get()) {
        try {
          step.run();
        } catch (RuntimeException e) {
          // the process is gone, or a call failed mid-kill: not acknowledged, nothing recorded
        }
      }
    });
  }

  void stop() throws InterruptedException {
    running.set(false);
    threads.shutdown();
    if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the burst did not stop");
    }
  }

  /** The connections whose create was acknowledged and whose delete was not. */
  List<Owned> living() {
    return new ArrayList<>(created);
  }
}
