package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Triggers, destinations, events and deliveries as callers see them (Maton's field names). */
public final class TriggerJson {
  private TriggerJson() {}

  /**
   * @param secrets signing secrets to show in full (on create and rotate), by destination id;
   *     every other destination shows its secret masked
   */
  public static ObjectNode trigger(
      Trigger t,
      List<Destination> destinations,
      Map<String, String> secrets,
      java.util.function.Function<Destination, String> masked) {
    ObjectNode o = Json.object();
    o.put("trigger_id", t.id());
    o.put("source", t.source().wire());
    o.put("event_type", t.eventType());
    o.put("name", t.name());
    o.put("description", t.description());
    o.set("parameters", parse(t.parametersJson()));
    o.put("connection_id", t.connectionId());
    ArrayNode list = o.putArray("destinations");
    for (Destination d : destinations) {
      list.add(destination(d, secrets.get(d.id()), masked));
    }
    o.put("status", t.status().name());
    o.put("reason", t.reason());
    o.put("created_at", Times.iso(t.createdAt()));
    o.put("updated_at", Times.iso(t.updatedAt()));
    return o;
  }

  public static ObjectNode destination(
      Destination d, String fullSecret, java.util.function.Function<Destination, String> masked) {
    ObjectNode o = Json.object();
    o.put("destination_id", d.id());
    o.put("url", d.url());
    o.put("method", d.method());
    o.put("name", d.name());
    o.set("headers", parse(d.headersJson()));
    o.put("body_template", d.bodyTemplate());
    o.put("status", d.status().name());
    o.put("reason", d.reason());
    o.put("signing_secret", fullSecret != null ? fullSecret : masked.apply(d));
    o.put("created_at", Times.iso(d.createdAt()));
    o.put("updated_at", Times.iso(d.updatedAt()));
    return o;
  }

  public static ObjectNode event(EventLog.Event e) {
    ObjectNode o = Json.object();
    o.put("event_id", e.id());
    o.put("trigger_id", e.triggerId());
    o.put("received_at", Times.iso(e.receivedAt()));
    o.set("payload", parse(e.payloadJson()));
    ObjectNode counts = o.putObject("delivery_counts");
    counts.put("total", e.total());
    counts.put("succeeded", e.succeeded());
    counts.put("failed", e.failed());
    return o;
  }

  public static ObjectNode delivery(EventLog.Delivery d) {
    ObjectNode o = Json.object();
    o.put("delivery_id", d.id());
    o.put("destination_id", d.destinationId());
    o.put("status", d.status());
    o.put("replay", d.replay());
    o.put("attempts", d.attempts());
    if (d.lastResponseStatus() == null) {
      o.putNull("last_response_status");
    } else {
      o.put("last_response_status", d.lastResponseStatus());
    }
    if (d.lastResponseDuration() == null) {
      o.putNull("last_response_duration");
    } else {
      o.put("last_response_duration", d.lastResponseDuration());
    }
    o.put("last_error_message", d.lastErrorMessage());
    o.put("last_attempt_at", Times.iso(d.lastAttemptAt()));
    o.put("next_attempt_at", Times.iso(d.nextAttemptAt()));
    o.put("finished_at", Times.iso(d.finishedAt()));
    return o;
  }

  static JsonNode parse(String json) {
    if (json == null) {
      return Json.object();
    }
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      return Json.object();
    }
  }
}
