package dev.keapgw.gateway.trigger;

import java.time.Instant;

/**
 * A trigger as stored: which events it takes (a source and an event type, optionally of one
 * connection) and its state. Its destinations are rows of their own ({@link Destination}).
 *
 * @param connectionId the connection it listens to; null only for a gateway trigger covering
 *     every connection of the account, present and future
 * @param parametersJson the caller's {@code parameters} object, as JSON
 * @param reason why it is FAILED (or was disabled), in words a person can act on; else null
 * @param subscriptionId a keap trigger's Keap hook subscription; null for gateway triggers
 */
public record Trigger(
    String id,
    String accountId,
    TriggerSource source,
    String eventType,
    String connectionId,
    String name,
    String description,
    String parametersJson,
    TriggerStatus status,
    String reason,
    String subscriptionId,
    Instant createdAt,
    Instant updatedAt) {}
