package dev.keapgw.gateway.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionStatus;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.store.Times;
import java.time.Duration;
import java.time.Instant;

/**
 * How a connection's tokens are doing, as the console and {@code GET /connections/{id}} (field
 * {@code token_health}) show it.
 *
 * @param nextRefreshAt when the gateway will next refresh by itself: the end of a backoff, else
 *     the refresh margin before expiry or the keep-alive, whichever comes first; null unless ACTIVE
 * @param backingOff an ACTIVE connection whose last refresh failed for a passing reason and
 *     that waits before trying again
 * @param refreshFailures failed attempts in a row (0 after a success)
 */
public record TokenHealth(
    Instant accessExpiresAt,
    Instant lastRefreshAt,
    Instant nextRefreshAt,
    boolean backingOff,
    int refreshFailures,
    RefreshFailures.Last lastFailure) {

  /** Reads a connection's health against the gateway's refresh settings. */
  public static TokenHealth of(
      Connection c, RefreshFailures.Last lastFailure, GatewayConfig config, Instant now) {
    boolean active = c.status() == ConnectionStatus.ACTIVE;
    boolean backingOff = active && c.nextRefreshAt() != null && now.isBefore(c.nextRefreshAt());
    Instant next = null;
    if (active && c.nextRefreshAt() != null) {
      next = c.nextRefreshAt();
    } else if (active && c.accessExpiresAt() != null) {
      RefreshPolicy policy = new RefreshPolicy(
          config.timeouts().refreshMargin(), config.timeouts().refreshBackoffMax(), () -> 0.5);
      next =
          c.accessExpiresAt().minus(policy.effectiveMargin(c.refreshedAt(), c.accessExpiresAt()));
      Duration keepAlive = config.timeouts().keepAliveEvery();
      if (c.refreshedAt() != null && c.refreshedAt().plus(keepAlive).isBefore(next)) {
        next = c.refreshedAt().plus(keepAlive);
      }
    }
    return new TokenHealth(
        c.accessExpiresAt(), c.refreshedAt(), next, backingOff, c.refreshFailures(), lastFailure);
  }

  public ObjectNode json() {
    ObjectNode o = Json.object();
    o.put("access_token_expires_time", Times.iso(accessExpiresAt));
    o.put("last_refresh_time", Times.iso(lastRefreshAt));
    o.put("next_refresh_time", Times.iso(nextRefreshAt));
    o.put("backing_off", backingOff);
    o.put("refresh_failures", refreshFailures);
    o.put("last_refresh_error", lastFailure == null ? null : lastFailure.reason());
    o.put("last_refresh_error_time", lastFailure == null ? null : Times.iso(lastFailure.at()));
    return o;
  }
}
