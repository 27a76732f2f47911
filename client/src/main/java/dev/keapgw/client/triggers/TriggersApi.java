package dev.keapgw.client.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.list.Page;
import dev.keapgw.client.list.Paged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's Triggers API ({@code /triggers}, Maton's shapes; docs/TRIGGERS.md): triggers
 * here, their destinations in {@link #destinations()}, their events in {@link #events()}. An
 * unknown id (or another account's) is a {@code NotFoundException}; a mistake in a body a
 * {@code BadRequestException} naming the field.
 */
public final class TriggersApi {
  private final JsonApi control;
  private final DestinationsApi destinations;
  private final TriggerEventsApi events;

  public TriggersApi(JsonApi control) {
    this.control = control;
    this.destinations = new DestinationsApi(control);
    this.events = new TriggerEventsApi(control);
  }

  public DestinationsApi destinations() {
    return destinations;
  }

  public TriggerEventsApi events() {
    return events;
  }

  /**
   * {@code GET /triggers?source=&status=&limit=&next_token=}: one page, oldest first; null
   * arguments are left out (limit 1-100, the gateway's default 20).
   */
  public Page<Trigger> list(String source, String status, Integer limit, String nextToken) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    add(params, "source", source);
    add(params, "status", status);
    add(params, "limit", limit == null ? null : limit.toString());
    add(params, "next_token", nextToken);
    JsonNode answer = control.get("/triggers", params, JsonNode.class);
    List<Trigger> items = new ArrayList<>();
    answer
        .path("triggers")
        .forEach(t -> items.add(control.mapper().convertValue(t, Trigger.class)));
    return new Page<>(items, text(answer.get("next_token")), Map.of());
  }

  /** Every trigger (of a source and status when not null), following the pages. */
  public List<Trigger> listAll(String source, String status) {
    return new Paged<>(token -> list(source, status, 100, token)).stream().toList();
  }

  /**
   * {@code POST /triggers}: answered once the trigger can fire (for {@code keap}, once Keap
   * verified the hook). Each new destination's {@code signingSecret} is in full in this answer only.
   */
  public Trigger create(TriggerInput trigger) {
    return unwrap(control.post("/triggers", trigger, JsonNode.class));
  }

  public Trigger get(String id) {
    return unwrap(control.get(path(id), JsonNode.class));
  }

  /** {@code PATCH /triggers/{id}}: name, description, parameters, status. */
  public Trigger update(String id, TriggerUpdate changes) {
    return unwrap(control.patch(path(id), changes, JsonNode.class));
  }

  /** {@code DELETE /triggers/{id}}: the trigger as it was; its events and Keap hook go with it. */
  public Trigger delete(String id) {
    return unwrap(control.send(
        "DELETE", path(id), List.of(), null, control.mapper().constructType(JsonNode.class)));
  }

  static String path(String triggerId) {
    return "/triggers/" + JsonApi.segment(triggerId);
  }

  static void add(List<Map.Entry<String, String>> params, String name, String value) {
    if (value != null) {
      params.add(Map.entry(name, value));
    }
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private Trigger unwrap(JsonNode answer) {
    return control.mapper().convertValue(answer.path("trigger"), Trigger.class);
  }
}
