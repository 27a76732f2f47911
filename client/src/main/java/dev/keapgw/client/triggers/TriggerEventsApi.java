package dev.keapgw.client.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.list.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A trigger's events ({@code /triggers/{id}/events}) and their deliveries. */
public final class TriggerEventsApi {
  private final JsonApi control;

  TriggerEventsApi(JsonApi control) {
    this.control = control;
  }

  /** One page, newest first (limit 1-100, the gateway's default 20; null arguments left out). */
  public Page<TriggerEvent> list(String triggerId, Integer limit, String nextToken) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    TriggersApi.add(params, "limit", limit == null ? null : limit.toString());
    TriggersApi.add(params, "next_token", nextToken);
    JsonNode answer = control.get(base(triggerId), params, JsonNode.class);
    List<TriggerEvent> items = new ArrayList<>();
    answer
        .path("events")
        .forEach(e -> items.add(control.mapper().convertValue(e, TriggerEvent.class)));
    return new Page<>(items, TriggersApi.text(answer.get("next_token")), Map.of());
  }

  /** The event with its deliveries. */
  public TriggerEvent get(String triggerId, String eventId) {
    return unwrap(control.get(path(triggerId, eventId), JsonNode.class));
  }

  /** Delivers the event again, at once, to each ENABLED destination; the event with its deliveries. */
  public TriggerEvent replay(String triggerId, String eventId) {
    return unwrap(control.post(path(triggerId, eventId) + "/replay", Map.of(), JsonNode.class));
  }

  private static String base(String triggerId) {
    return TriggersApi.path(triggerId) + "/events";
  }

  private static String path(String triggerId, String eventId) {
    return base(triggerId) + "/" + JsonApi.segment(eventId);
  }

  private TriggerEvent unwrap(JsonNode answer) {
    return control.mapper().convertValue(answer.path("event"), TriggerEvent.class);
  }
}
