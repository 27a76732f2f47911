package dev.keapgw.client.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.common.Body;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /triggers}, e.g.
 * {@code TriggerInput.keap(connectionId, "contact.add").destination(new DestinationInput().url(url))}.
 */
public final class TriggerInput extends Body<TriggerInput> {
  private final List<DestinationInput> destinations = new ArrayList<>();

  /** A trigger on one of Keap's event keys of an ACTIVE connection. */
  public static TriggerInput keap(String connectionId, String eventType) {
    return new TriggerInput().source("keap").eventType(eventType).connectionId(connectionId);
  }

  /** A trigger on the gateway's own events; a null connection covers every connection of the account. */
  public static TriggerInput gateway(String eventType, String connectionId) {
    return new TriggerInput().source("gateway").eventType(eventType).connectionId(connectionId);
  }

  public TriggerInput source(String value) {
    return set("source", value);
  }

  public TriggerInput eventType(String value) {
    return set("event_type", value);
  }

  public TriggerInput connectionId(String value) {
    return set("connection_id", value);
  }

  public TriggerInput name(String value) {
    return set("name", value);
  }

  public TriggerInput description(String value) {
    return set("description", value);
  }

  public TriggerInput parameters(JsonNode value) {
    return set("parameters", value);
  }

  /** Adds a destination (a trigger has at least one). */
  public TriggerInput destination(DestinationInput d) {
    destinations.add(d);
    return set("destinations", List.copyOf(destinations));
  }
}
