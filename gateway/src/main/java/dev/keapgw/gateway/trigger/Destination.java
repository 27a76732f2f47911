package dev.keapgw.gateway.trigger;

import java.time.Instant;

/**
 * Where a trigger's events go: an HTTP endpoint, signed with its own secret.
 *
 * @param headersJson extra request headers, a JSON object of strings
 * @param bodyTemplate the body with Maton's placeholders, or null for the default body
 * @param secretSealed the {@code whsec_} signing secret, sealed (see {@link Secrets})
 * @param status ENABLED or DISABLED (by its owner, a 410, or a day of failures)
 * @param failingSince since when every attempt failed; null while deliveries succeed
 */
public record Destination(
    String id,
    String triggerId,
    String url,
    String method,
    String name,
    String headersJson,
    String bodyTemplate,
    String secretSealed,
    TriggerStatus status,
    String reason,
    Instant failingSince,
    Instant createdAt,
    Instant updatedAt) {}
