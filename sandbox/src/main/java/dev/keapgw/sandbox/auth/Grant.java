package dev.keapgw.sandbox.auth;

import dev.keapgw.sandbox.http.Caller;
import java.time.Instant;

/**
 * A credential the CRM API accepts: an OAuth access token (with an expiry) or a personal
 * access token / service account key (none), bound to one tenant and user.
 */
public record Grant(String token, Caller caller, Instant expiresAt, boolean revoked) {
  public Grant revoke() {
    return new Grant(token, caller, expiresAt, true);
  }

  public Grant expireAt(Instant t) {
    return new Grant(token, caller, t, revoked);
  }
}
