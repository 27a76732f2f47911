package dev.keapgw.sandbox.resthooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keapgw.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber's endpoint on a free loopback port, recording what reached it: handshakes
 * (POSTs carrying {@code X-Hook-Secret}) and deliveries (POSTs with a JSON body). It echoes
 * the secret unless told not to, and answers deliveries with the statuses queued in
 * {@link #answer}, then 200.
 */
final class HookReceiver implements AutoCloseable {
  /** One request as it arrived. */
  record Received(Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("delivery body is not JSON: " + body, e);
      }
    }

    String secret() {
      List<String> v = headers.get("X-hook-secret");
      return v == null ? null : v.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final BlockingQueue<Received> handshakes = new LinkedBlockingQueue<>();
  private final BlockingQueue<Received> deliveries = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private volatile boolean echo = true;
  private final java.util.concurrent.CountDownLatch held =
      new java.util.concurrent.CountDownLatch(1);
  private volatile boolean holding;

  HookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/keap/events";
  }

  /** Whether handshakes get the secret echoed back (the default) or a bare 200. */
  HookReceiver echo(boolean on) {
    echo = on;
    return this;
  }

  /** Statuses for the next deliveries, in order; after them every delivery gets 200. */
  HookReceiver answer(Integer... next) {
    statuses.addAll(List.of(next));
    return this;
  }

  /** Deliveries are recorded on arrival but not answered until {@link #release}. */
  HookReceiver hold() {
    holding = true;
    return this;
  }

  void release() {
    held.countDown();
  }

  Received nextHandshake() {
    return poll(handshakes, "a handshake");
  }

  Received nextDelivery() {
    return poll(deliveries, "a delivery");
  }

  /** The deliveries that have arrived so far and were not taken yet. */
  List<Received> drainDeliveries() {
    List<Received> out = new ArrayList<>();
    deliveries.drainTo(out);
    return out;
  }

  private static Received poll(BlockingQueue<Received> q, String what) {
    try {
      Received r = q.poll(15, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("expected " + what + " within 15 s; nothing arrived");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Received r = new Received(Map.copyOf(ex.getRequestHeaders()), body);
      String secret = ex.getRequestHeaders().getFirst("X-Hook-Secret");
      if (secret != null) {
        handshakes.add(r);
        if (echo) {
          ex.getResponseHeaders().add("X-Hook-Secret", secret);
        }
        ex.sendResponseHeaders(200, -1);
        return;
      }
      Integer status = statuses.poll();
      deliveries.add(r);
      if (holding) {
        try {
          held.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      ex.sendResponseHeaders(status == null ? 200 : status, -1);
    }
  }

  /** How long tests wait for something that must happen soon; generous for a busy machine. */
  static final Duration PATIENCE = Duration.ofSeconds(15);

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
