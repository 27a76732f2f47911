package dev.keapgw.gateway.connection;

import java.time.Instant;

/**
 * A connection as stored: who owns it, its state, and its sealed tokens. The tokens stay
 * sealed here; only the token package opens them.
 *
 * @param metadataJson what the upstream said about the grant (tenant, user), as JSON; "{}" before
 * @param failureReason why it is FAILED, in words a person can act on
 * @param sessionTokenSealed the current connect link's session token, sealed; null when none
 * @param refreshFailures consecutive failed refresh attempts (for backoff)
 * @param nextRefreshAt no refresh attempt before this (backoff); null when none is pending
 * @param tokenVersion increases with every token change (cluster-safe compare-and-set)
 */
public record Connection(
    String id,
    String accountId,
    String app,
    ConnectionStatus status,
    Instant createdAt,
    Instant updatedAt,
    String metadataJson,
    String failureReason,
    String sessionTokenSealed,
    Instant sessionExpiresAt,
    String accessTokenSealed,
    Instant accessExpiresAt,
    String refreshTokenSealed,
    Instant refreshedAt,
    int refreshFailures,
    Instant nextRefreshAt,
    long tokenVersion) {

  public boolean isActive() {
    return status == ConnectionStatus.ACTIVE;
  }
}
