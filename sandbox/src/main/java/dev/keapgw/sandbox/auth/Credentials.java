package dev.keapgw.sandbox.auth;

import dev.keapgw.sandbox.http.Caller;
import dev.keapgw.sandbox.http.KeapRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every credential the CRM API accepts, and the check that runs before routing: a Bearer
 * token or an {@code X-Keap-API-Key} header, refused in Keap's gateway fault format when
 * missing, unknown, expired or revoked.
 */
public final class Credentials {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final List<Consumer<String>> onTenantRevoked = new CopyOnWriteArrayList<>();
  private final Clock clock;

  public Credentials(Clock clock) {
    this.clock = clock;
  }

  /** A new opaque token string with {@code prefix} (Keap's look alike, 32 random bytes). */
  public static String newToken(String prefix) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public Grant issue(Caller caller, Instant expiresAt, String prefix) {
    Grant g = new Grant(newToken(prefix), caller, expiresAt, false);
    grants.put(g.token(), g);
    return g;
  }

  /** A personal access token or service account key for a tenant's user: it never expires. */
  public Grant issueApiKey(String tenantId, String userId) {
    Caller c = new Caller(tenantId, userId, "pat-" + tenantId + "-" + userId, Caller.Kind.API_KEY);
    return issue(c, null, "KeapAK-");
  }

  public Caller authenticate(KeapRequest req) {
    String token = req.header("x-keap-api-key");
    if (token == null) {
      String auth = req.header("authorization");
      if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw FaultException.missingToken();
      }
      token = auth.substring(7).trim();
    }
    Grant g = grants.get(token);
    if (g == null || g.revoked()) {
      throw FaultException.invalidToken();
    }
    if (g.expiresAt() != null && !clock.instant().isBefore(g.expiresAt())) {
      throw FaultException.expiredToken();
    }
    return g.caller();
  }

  /**
   * Revokes every OAuth access token of a tenant, then tells the listeners, so that grants
   * kept elsewhere (the OAuth server's refresh tokens) die too; returns how many access tokens.
   */
  public int revokeTenant(String tenantId) {
    int n = update(tenantId, Grant::revoke);
    onTenantRevoked.forEach(l -> l.accept(tenantId));
    return n;
  }

  /** Calls {@code listener} with the tenant id whenever {@link #revokeTenant} runs. */
  public void onTenantRevoked(Consumer<String> listener) {
    onTenantRevoked.add(listener);
  }

  /** Makes every OAuth access token of a tenant expire now; returns how many. */
  public int expireTenant(String tenantId) {
    Instant now = clock.instant();
    return update(tenantId, g -> g.expireAt(now));
  }

  private int update(String tenantId, java.util.function.UnaryOperator<Grant> change) {
    int[] n = {0};
    grants.replaceAll((k, g) -> {
      if (g.caller().tenantId().equals(tenantId) && g.caller().kind() == Caller.Kind.OAUTH) {
        n[0]++;
        return change.apply(g);
      }
      return g;
    });
    return n[0];
  }
}
