package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A user's webhook receiver on a free loopback port: records every request that reached it
 * (method, path, headers, raw body) and answers from a script of statuses (then 200).
 */
public final class Receiver implements AutoCloseable {
  /** One request as it arrived. */
  public record Hit(
      String method, String path, Map<String, List<String>> headers, byte[] body, long nanos) {
    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text(), e);
      }
    }
  }

  /** A scripted answer: a status and optional headers. */
  public record Answer(int status, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();

  public Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      hits.add(new Hit(
          ex.getRequestMethod(),
          ex.getRequestURI().toString(),
          Map.copyOf(ex.getRequestHeaders()),
          body,
          System.nanoTime()));
      Answer a = script.poll();
      int status = a == null ? 200 : a.status();
      if (a != null) {
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  /** Answers the next requests with these statuses, in order (then 200 again). */
  public Receiver answer(int... statuses) {
    for (int s : statuses) {
      script.add(new Answer(s, Map.of()));
    }
    return this;
  }

  public Receiver answer(int status, Map<String, String> headers) {
    script.add(new Answer(status, headers));
    return this;
  }

  /** The URL of {@code path} on this receiver, with the host as given (127.0.0.1 or localhost). */
  public String url(String host, String path) {
    return "http://" + host + ":" + server.getAddress().getPort() + path;
  }

  public String url(String path) {
    return url("127.0.0.1", path);
  }

  public List<Hit> hits() {
    return new ArrayList<>(hits);
  }

  public List<Hit> hits(String path) {
    return hits.stream().filter(h -> h.path().equals(path)).toList();
  }

  /** Waits (up to {@code limit}) until {@code done} holds; fails the test otherwise. */
  public static void await(Duration limit, String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
