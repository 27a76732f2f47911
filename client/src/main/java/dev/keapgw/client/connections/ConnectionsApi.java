package dev.keapgw.client.connections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.Sleeper;
import dev.keapgw.client.error.ConnectionWaitException;
import dev.keapgw.client.error.KeapException;
import dev.keapgw.client.http.JsonApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The gateway's connections ({@code /connections}, Maton-compatible): each is one authorized
 * Keap account. A new connection is PENDING until a person opens its {@code url} and approves
 * access in Keap; {@link #awaitActive} waits for that.
 */
public final class ConnectionsApi {
  /** How often {@link #awaitActive(String)} looks, as Maton's CLI does. */
  public static final Duration POLL_EVERY = Duration.ofSeconds(2);
  /** How long {@link #awaitActive(String)} waits. */
  public static final Duration WAIT_AT_MOST = Duration.ofMinutes(5);

  private final JsonApi control;
  private final Clock clock;
  private final Sleeper sleeper;

  public ConnectionsApi(JsonApi control, Clock clock, Sleeper sleeper) {
    this.control = control;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** {@code GET /connections?app=&status=}: oldest first; null filters are left out. */
  public List<Connection> list(String app, String status) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    if (app != null) {
      params.add(Map.entry("app", app));
    }
    if (status != null) {
      params.add(Map.entry("status", status));
    }
    JsonNode answer = control.get("/connections", params, JsonNode.class);
    List<Connection> out = new ArrayList<>();
    for (JsonNode c : answer.path("connections")) {
      out.add(control.mapper().convertValue(c, Connection.class));
    }
    return out;
  }

  /** Every connection of the account. */
  public List<Connection> list() {
    return list(null, null);
  }

  /** {@code POST /connections {"app":...}}: a PENDING connection whose {@code url} a person opens to authorize it. */
  public Connection create(String app) {
    return unwrap(control.post("/connections", Map.of("app", app), JsonNode.class));
  }

  /** A new Keap connection. */
  public Connection create() {
    return create("keap");
  }

  /** {@code GET /connections/{id}}. */
  public Connection get(String id) {
    return unwrap(control.get("/connections/" + JsonApi.segment(id), JsonNode.class));
  }

  /**
   * {@code POST /connections/{id}/reconnect}: the connection with a connect link that works now.
   * An ACTIVE connection's {@code url} is live only after this; opening it renews the grant for
   * the same Keap account (the gateway refuses to move a connection to another one).
   */
  public Connection reconnect(String id) {
    return unwrap(control.post(
        "/connections/" + JsonApi.segment(id) + "/reconnect", Map.of(), JsonNode.class));
  }

  /** {@code DELETE /connections/{id}}: the connection as it was. */
  public Connection delete(String id) {
    JsonNode answer = control.send(
        "DELETE",
        "/connections/" + JsonApi.segment(id),
        List.of(),
        null,
        control.mapper().constructType(JsonNode.class));
    return answer == null ? null : unwrap(answer);
  }

  /** Waits up to 5 minutes, looking every 2 seconds, for the connection to become ACTIVE. */
  public Connection awaitActive(String id) {
    return awaitActive(id, WAIT_AT_MOST, POLL_EVERY, c -> {});
  }

  /**
   * Looks at the connection now and then every {@code every} until it is ACTIVE (returned),
   * FAILED, or {@code timeout} has passed.
   *
   * @param onPoll told of the connection each time it is looked at (e.g. to show progress)
   * @throws ConnectionWaitException when it FAILED or the time ran out
   */
  public Connection awaitActive(
      String id, Duration timeout, Duration every, Consumer<Connection> onPoll) {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Connection c = get(id);
      onPoll.accept(c);
      if (c.isActive()) {
        return c;
      }
      if (c.isFailed()) {
        throw new ConnectionWaitException(
            "connection " + id + " FAILED"
                + (c.failureReason() == null ? "" : ": " + c.failureReason())
                + "; open its url to try again: " + c.url(),
            c,
            false);
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new ConnectionWaitException(
            "connection " + id + " is still " + c.status() + " after " + human(timeout) + "; open "
                + c.url() + " in a browser to authorize it",
            c,
            true);
      }
      Duration left = Duration.between(now, deadline);
      try {
        sleeper.sleep(left.compareTo(every) < 0 ? left : every);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KeapException("interrupted while waiting for connection " + id, e);
      }
    }
  }

  private Connection unwrap(JsonNode answer) {
    return control.mapper().convertValue(answer.path("connection"), Connection.class);
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
  }
}
