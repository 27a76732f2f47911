package dev.keapgw.gateway.trigger.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;
import dev.keapgw.gateway.trigger.Intake;
import dev.keapgw.gateway.trigger.Trigger;
import dev.keapgw.gateway.trigger.TriggerRepository;
import dev.keapgw.gateway.trigger.TriggerSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own events: a connection becoming ACTIVE ({@code connection.active}, and
 * {@code connection.recovered} too when it was FAILED), becoming FAILED
 * ({@code connection.failed}, with the reason and a reconnect url), and being deleted
 * ({@code connection.deleted}). The last status seen of each connection is kept in the store,
 * so a token refresh (a change that is not a change of state) makes no event, and an instance
 * reports only the changes it made itself.
 */
public final class ConnectionEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

  private final ConnectionRepository connections;
  private final TriggerRepository triggers;
  private final Intake intake;
  private final Function<Connection, String> reconnectUrl;
  private final Clock clock;

  public ConnectionEvents(
      ConnectionRepository connections,
      TriggerRepository triggers,
      Intake intake,
      Function<Connection, String> reconnectUrl,
      Clock clock) {
    this.connections = connections;
    this.triggers = triggers;
    this.intake = intake;
    this.reconnectUrl = reconnectUrl;
    this.clock = clock;
  }

  /** Listens to the connection repository of this process. */
  public void install() {
    connections.onChange(this::changedSafely);
    connections.onDeleting(this::deleting);
  }

  private void changedSafely(String connectionId) {
    try {
      changed(connectionId);
    } catch (RuntimeException e) {
      LOG.warn(
          "could not record the gateway event of connection {}: {}", connectionId, e.toString());
    }
  }

  /** Compares the connection's status with the last one seen and records the events of a change. */
  void changed(String connectionId) {
    Optional<Connection> found = connections.byId(connectionId);
    if (found.isEmpty()) {
      return; // deleted: announced by deleting()
    }
    Connection c = found.get();
    if (c.status() == ConnectionStatus.PENDING) {
      return;
    }
    String url = c.status() == ConnectionStatus.FAILED ? reconnectUrl.apply(c) : null;
    Instant now = clock.instant();
    int made = triggers.jdbi().inTransaction(h -> {
      Optional<String> prev = h.createQuery(
              "SELECT status FROM trigger_connection_states WHERE connection_id = :c"
                  + " FOR UPDATE")
          .bind("c", c.id())
          .mapTo(String.class)
          .findOne();
      if (prev.isPresent() && prev.get().equals(c.status().name())) {
        return 0;
      }
      if (prev.isPresent()) {
        h.createUpdate(
                "UPDATE trigger_connection_states SET status = :s, updated_at = :now WHERE connection_id = :c")
            .bind("s", c.status().name())
            .bind("now", Times.micros(now))
            .bind("c", c.id())
            .execute();
      } else {
        h.createUpdate(
                "INSERT INTO trigger_connection_states (connection_id, account_id, status, updated_at)"
                    + " VALUES (:c, :a, :s, :now)")
            .bind("c", c.id())
            .bind("a", c.accountId())
            .bind("s", c.status().name())
            .bind("now", Times.micros(now))
            .execute();
      }
      int n = 0;
      if (c.status() == ConnectionStatus.ACTIVE) {
        n += emit(h, c, "connection.active", null, now);
        if (prev.isPresent() && prev.get().equals(ConnectionStatus.FAILED.name())) {
          n += emit(h, c, "connection.recovered", null, now);
        }
      } else {
        n += emit(h, c, "connection.failed", url, now);
      }
      return n;
    });
    intake.committed(TriggerSource.GATEWAY, made);
  }

  private void deleting(Connection c) {
    Instant now = clock.instant();
    int made = triggers.jdbi().inTransaction(h -> {
      h.createUpdate("DELETE FROM trigger_connection_states WHERE connection_id = :c")
          .bind("c", c.id())
          .execute();
      return emit(h, c, "connection.deleted", null, now);
    });
    intake.committed(TriggerSource.GATEWAY, made);
  }

  private int emit(org.jdbi.v3.core.Handle h, Connection c, String type, String url, Instant now) {
    List<Trigger> matching = triggers.gatewayTriggers(h, c.accountId(), type, c.id());
    if (matching.isEmpty()) {
      return 0;
    }
    return intake.record(h, matching, payload(c, type, url, now), now);
  }

  static ObjectNode payload(Connection c, String type, String reconnectUrl, Instant now) {
    ObjectNode p = Json.object();
    p.put("event_type", type);
    p.put("connection_id", c.id());
    p.put("app", c.app());
    p.put("status", type.equals("connection.deleted") ? "DELETED" : c.status().name());
    p.put("tenant_id", tenant(c));
    if (type.equals("connection.failed")) {
      p.put("reason", c.failureReason());
      p.put("reconnect_url", reconnectUrl);
    }
    p.put("occurred_at", Times.iso(now));
    return p;
  }

  /** The Keap account (tenant) the connection reaches, from what Keap said about the grant; null if unknown. */
  public static String tenant(Connection c) {
    try {
      JsonNode m = Json.MAPPER.readTree(c.metadataJson() == null ? "{}" : c.metadataJson());
      JsonNode t = m == null ? null : m.get("tenant_id");
      return t == null || t.isNull() ? null : t.asText();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
