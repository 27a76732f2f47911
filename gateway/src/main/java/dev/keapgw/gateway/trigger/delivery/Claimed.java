package dev.keapgw.gateway.trigger.delivery;

import java.time.Instant;

/**
 * One delivery attempt this instance has claimed, with all it needs to send it.
 *
 * @param attempts the attempt this is (1 for the first)
 * @param secretSealed the destination's sealed signing secret
 */
public record Claimed(
    String deliveryId,
    String eventId,
    String destinationId,
    String triggerId,
    String source,
    String eventType,
    Instant receivedAt,
    String payloadJson,
    String url,
    String method,
    String headersJson,
    String bodyTemplate,
    String secretSealed,
    int attempts,
    boolean replay) {}
