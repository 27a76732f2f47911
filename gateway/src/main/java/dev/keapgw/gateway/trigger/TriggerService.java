package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;
import dev.keapgw.gateway.trigger.delivery.DestinationGuard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A caller's triggers: create (a keap trigger only once its Keap hook is Verified), list, read,
 * change, delete. Blocking. Another account's trigger answers exactly as an unknown id does.
 */
public final class TriggerService {
  static final Set<String> CREATE_FIELDS = Set.of(
      "source", "event_type", "connection_id", "name", "description", "parameters", "destinations");
  static final Set<String> PATCH_FIELDS = Set.of("name", "description", "parameters", "status");
  static final int MAX_DESTINATIONS = 10;

  private final TriggerRepository repo;
  private final ConnectionRepository connections;
  private final SecretBox secrets;
  private final SubscriptionBroker broker;
  private final DestinationGuard guard;
  private final Clock clock;

  public TriggerService(
      TriggerRepository repo,
      ConnectionRepository connections,
      SecretBox secrets,
      SubscriptionBroker broker,
      DestinationGuard guard,
      Clock clock) {
    this.repo = repo;
    this.connections = connections;
    this.secrets = secrets;
    this.broker = broker;
    this.guard = guard;
    this.clock = clock;
  }

  /** A trigger as its create answer shows it: every destination's secret in full, once. */
  public record Created(
      Trigger trigger, List<Destination> destinations, Map<String, String> secrets) {}

  public Created create(String accountId, ObjectNode body) {
    Inputs.onlyKnown(body, CREATE_FIELDS, "");
    String sourceName = Inputs.required(body, "source", "", 20, "\"keap\" or \"gateway\"");
    TriggerSource source = TriggerSource.parse(sourceName);
    if (source == null) {
      throw GatewayException.badRequest("Unknown source '" + sourceName + "': use keap or gateway")
          .with("field", "source");
    }
    String eventType = Inputs.required(
        body,
        "event_type",
        "",
        100,
        source == TriggerSource.KEAP ? "\"contact.add\"" : "\"connection.failed\"");
    String connectionId = Inputs.text(body, "connection_id", "", 100);
    ObjectNode parameters = Inputs.object(body, "parameters", "");
    String name = Inputs.text(body, "name", "", 200);
    String description = Inputs.text(body, "description", "", 2000);
    List<DestinationInput> dests = destinations(body.get("destinations"));
    Connection connection = null;
    if (connectionId != null) {
      connection = connections
          .find(accountId, connectionId)
          .orElseThrow(
              () -> ConnectionService.notFound(connectionId).with("field", "connection_id"));
    }
    String subscriptionId = null;
    if (source == TriggerSource.GATEWAY) {
      if (!TriggerSource.GATEWAY_EVENTS.contains(eventType)) {
        throw GatewayException.badRequest("Unknown gateway event type '" + eventType
                + "': use one of " + String.join(", ", TriggerSource.GATEWAY_EVENTS))
            .with("field", "event_type");
      }
    } else {
      if (connection == null) {
        throw GatewayException.badRequest(
                "'connection_id' is required for a keap trigger: the Keap connection"
                    + " whose events it takes (GET /connections lists yours)")
            .with("field", "connection_id");
      }
      if (!connection.isActive()) {
        throw new GatewayException(
                ErrorType.CONNECTION_NOT_READY,
                "Connection '" + connection.id() + "' is " + connection.status()
                    + ": a keap trigger needs an ACTIVE connection to subscribe to Keap's hooks.")
            .with("connection_id", connection.id());
      }
      subscriptionId = broker.subscribe(connection, eventType);
    }
    Instant now = clock.instant();
    String params = new String(
        Json.bytes(parameters == null ? Json.object() : parameters), StandardCharsets.UTF_8);
    Trigger t = new Trigger(
        UUID.randomUUID().toString(),
        accountId,
        source,
        eventType,
        connectionId,
        name,
        description,
        params,
        TriggerStatus.ENABLED,
        null,
        subscriptionId,
        now,
        now);
    Map<String, String> shown = new LinkedHashMap<>();
    List<Destination> made = new ArrayList<>();
    for (DestinationInput in : dests) {
      String secret = Secrets.generate();
      Destination d = newDestination(t.id(), in, secret, now);
      shown.put(d.id(), secret);
      made.add(d);
    }
    try {
      repo.jdbi().useTransaction(h -> {
        TriggerRepository.insert(h, t);
        made.forEach(d -> TriggerRepository.insert(h, d));
      });
    } catch (RuntimeException e) {
      if (subscriptionId != null) {
        broker.release(subscriptionId);
      }
      throw e;
    }
    return new Created(t, made, shown);
  }

  Destination newDestination(String triggerId, DestinationInput in, String secret, Instant now) {
    String id = UUID.randomUUID().toString();
    return new Destination(
        id,
        triggerId,
        in.url(),
        in.method() == null ? "POST" : in.method(),
        in.name(),
        in.headersJson() == null ? "{}" : in.headersJson(),
        in.bodyTemplate(),
        Secrets.seal(secrets, id, secret),
        TriggerStatus.ENABLED,
        null,
        null,
        now,
        now);
  }

  private List<DestinationInput> destinations(JsonNode node) {
    List<DestinationInput> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw GatewayException.badRequest("'destinations' must be an array of {\"url\":...} objects")
          .with("field", "destinations");
    }
    if (node.size() > MAX_DESTINATIONS) {
      throw GatewayException.badRequest(
              "A trigger has at most " + MAX_DESTINATIONS + " destinations")
          .with("field", "destinations");
    }
    for (int i = 0; i < node.size(); i++) {
      out.add(DestinationInput.read(node.get(i), "destinations[" + i + "].", true, guard));
    }
    return out;
  }

  /** This account's trigger; 404 for an unknown id and another account's alike. */
  public Trigger get(String accountId, String id) {
    return repo.find(accountId, id).orElseThrow(() -> notFound(id));
  }

  public List<Destination> destinationsOf(Trigger t) {
    return repo.destinationsOf(List.of(t.id()));
  }

  /** A page of triggers and the token of the next one (null at the end). */
  public record Page(List<Trigger> triggers, List<Destination> destinations, String nextToken) {}

  public Page list(String accountId, String source, String status, String limit, String nextToken) {
    TriggerSource src = null;
    if (source != null && !source.isEmpty()) {
      src = TriggerSource.parse(source);
      if (src == null) {
        throw GatewayException.badRequest("Unknown source '" + source + "': use keap or gateway")
            .with("field", "source");
      }
    }
    TriggerStatus st = null;
    if (status != null && !status.isEmpty()) {
      try {
        st = TriggerStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw GatewayException.badRequest(
                "Unknown status '" + status + "': use ENABLED, DISABLED or FAILED")
            .with("field", "status");
      }
    }
    int n = PageToken.limit(limit);
    String after = PageToken.decode(nextToken, "t:");
    Instant afterCreated = null;
    String afterId = null;
    if (after != null) {
      int colon = after.indexOf(':');
      try {
        afterCreated = Times.instant(Long.parseLong(after.substring(0, colon)));
        afterId = after.substring(colon + 1);
      } catch (RuntimeException e) {
        throw GatewayException.badRequest("'next_token' is not one this list gave out")
            .with("field", "next_token");
      }
    }
    List<Trigger> rows = repo.page(accountId, src, st, afterCreated, afterId, n);
    String next = null;
    if (rows.size() > n) {
      rows = rows.subList(0, n);
      Trigger last = rows.get(n - 1);
      next = PageToken.encode("t:" + Times.micros(last.createdAt()) + ":" + last.id());
    }
    return new Page(rows, repo.destinationsOf(rows.stream().map(Trigger::id).toList()), next);
  }

  public Trigger patch(String accountId, String id, ObjectNode body) {
    Trigger t = get(accountId, id);
    Inputs.onlyKnown(body, PATCH_FIELDS, "");
    String name = body.has("name") ? Inputs.text(body, "name", "", 200) : t.name();
    String description =
        body.has("description") ? Inputs.text(body, "description", "", 2000) : t.description();
    String params = t.parametersJson();
    if (body.has("parameters")) {
      ObjectNode p = Inputs.object(body, "parameters", "");
      params = new String(Json.bytes(p == null ? Json.object() : p), StandardCharsets.UTF_8);
    }
    TriggerStatus wanted = Inputs.status(body, "");
    TriggerStatus status = t.status();
    String reason = t.reason();
    String subscription = t.subscriptionId();
    if (wanted == TriggerStatus.ENABLED && t.status() != TriggerStatus.ENABLED) {
      if (t.source() == TriggerSource.KEAP) {
        Connection c = connections
            .find(accountId, t.connectionId())
            .orElseThrow(() -> GatewayException.badRequest(
                    "The trigger's connection is gone; create a trigger on another connection")
                .with("field", "status"));
        if (subscription == null) {
          subscription = broker.subscribe(c, t.eventType());
        }
      }
      status = TriggerStatus.ENABLED;
      reason = null;
    } else if (wanted == TriggerStatus.DISABLED) {
      status = TriggerStatus.DISABLED;
      reason = null;
    }
    Trigger changed = new Trigger(
        t.id(),
        t.accountId(),
        t.source(),
        t.eventType(),
        t.connectionId(),
        name,
        description,
        params,
        status,
        reason,
        subscription,
        t.createdAt(),
        clock.instant());
    repo.update(changed);
    return changed;
  }

  /** Deletes the trigger (its destinations, events and deliveries with it) and releases its Keap hook. */
  public Trigger delete(String accountId, String id) {
    Trigger t = get(accountId, id);
    if (!repo.delete(accountId, id)) {
      throw notFound(id);
    }
    if (t.subscriptionId() != null) {
      broker.release(t.subscriptionId());
    }
    return t;
  }

  /** The one answer for a trigger id this account cannot see. */
  public static GatewayException notFound(String id) {
    String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
    return GatewayException.notFound("No trigger with id '" + shown
            + "' for this API key's account." + " List yours with GET /triggers.")
        .with("trigger_id", shown);
  }
}
