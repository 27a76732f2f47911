package dev.keapgw.gateway.trigger.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What goes to a destination for one attempt: the body (the default one, or the destination's
 * template filled in) and the headers, signed per Standard Webhooks with the event id as
 * {@code webhook-id} (the same on every retry and replay, so receivers can drop duplicates).
 */
public record Message(byte[] body, Map<String, String> headers) {
  /** The default body: {@code {"event_id","trigger_id","source","event_type","received_at","payload"}}. */
  public static ObjectNode defaultBody(Claimed c) {
    ObjectNode o = Json.object();
    o.put("event_id", c.eventId());
    o.put("trigger_id", c.triggerId());
    o.put("source", c.source());
    o.put("event_type", c.eventType());
    o.put("received_at", Times.iso(c.receivedAt()));
    o.set("payload", parse(c.payloadJson()));
    return o;
  }

  /** The message for a claimed delivery, signed with {@code secret} at {@code timestampSeconds}. */
  public static Message of(Claimed c, String secret, long timestampSeconds) {
    ObjectNode event = defaultBody(c);
    byte[] body =
        c.bodyTemplate() == null ? Json.bytes(event) : BodyTemplate.render(c.bodyTemplate(), event);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    JsonNode extra = parse(c.headersJson());
    extra
        .fields()
        .forEachRemaining(
            e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
    headers.put("user-agent", "keap-gateway-triggers");
    headers.put("webhook-id", c.eventId());
    headers.put("webhook-timestamp", Long.toString(timestampSeconds));
    headers.put(
        "webhook-signature",
        Signer.sign(
            dev.keapgw.gateway.trigger.Secrets.keyBytes(secret),
            c.eventId(),
            timestampSeconds,
            body));
    return new Message(body, headers);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
