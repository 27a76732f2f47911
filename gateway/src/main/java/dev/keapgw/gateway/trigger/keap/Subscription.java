package dev.keapgw.gateway.trigger.keap;

import java.time.Instant;

/**
 * A Keap REST hook subscription the gateway holds for one connection and event key.
 *
 * @param urlHash SHA-256 of the secret part of its hook URL (the URL itself is never stored)
 * @param hookKey Keap's id of the subscription; null until Keap answered the create
 * @param status Keap's status: {@code Unverified}, {@code Verified} or {@code Inactive}
 */
public record Subscription(
    String id,
    String accountId,
    String connectionId,
    String eventKey,
    String urlHash,
    String hookKey,
    String status,
    Instant createdAt,
    Instant updatedAt) {
  public static final String UNVERIFIED = "Unverified";
  public static final String VERIFIED = "Verified";
  public static final String INACTIVE = "Inactive";
}
