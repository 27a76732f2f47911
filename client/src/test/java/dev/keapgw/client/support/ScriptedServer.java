package dev.keapgw.client.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers from a script, one canned answer per request (the last
 * one repeats), and records what it was asked: for answers the sandbox and gateway do not give
 * on demand (Retry-After, a spent daily quota, odd bodies).
 */
public final class ScriptedServer implements AutoCloseable {
  /** A canned answer. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer json(int status, String body, String... headerPairs) {
      Map<String, String> h = new java.util.LinkedHashMap<>();
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        h.put(headerPairs[i], headerPairs[i + 1]);
      }
      h.putIfAbsent("Content-Type", "application/json");
      return new Answer(status, h, body);
    }
  }

  /** A request as received. */
  public record Received(String method, String uri, Map<String, List<String>> headers) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile Answer last = Answer.json(200, "{}");
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public ScriptedServer(Answer... answers) {
    script.addAll(List.of(answers));
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", ex -> {
      received.add(new Received(
          ex.getRequestMethod(),
          ex.getRequestURI().toString(),
          Map.copyOf(ex.getRequestHeaders())));
      ex.getRequestBody().readAllBytes();
      Answer a = script.poll();
      if (a == null) {
        a = last;
      } else {
        last = a;
      }
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
