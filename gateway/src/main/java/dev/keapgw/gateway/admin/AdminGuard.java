package dev.keapgw.gateway.admin;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.ratelimit.BucketStore;
import dev.keapgw.gateway.ratelimit.Throttle;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * Lets a request under {@code /admin} through only with {@code Authorization: Bearer <admin
 * token>}. The token is compared in constant time (digests of equal length, so neither its
 * content nor its length leaks through timing). Without a configured token the admin API does
 * not exist: every {@code /admin} path answers 404 saying how to enable it.
 *
 * <p>Wrong tokens are slowed ({@link Throttle#wrongCredentials}): an address may send 10 at
 * once, then 1 a second; beyond that every request from it answers 429 with
 * {@code Retry-After} before its token is looked at, the right one included, so that guessing
 * faster gains nothing. With Redis configured the count holds for the whole cluster
 * ({@link Throttle}), so N instances do not allow N times as many guesses.
 */
final class AdminGuard implements Handler<RoutingContext> {
  private final byte[] expected;
  private final Throttle failures;

  AdminGuard(String adminToken, Throttle failures) {
    this.expected = adminToken == null || adminToken.isEmpty() ? null : sha256(adminToken);
    this.failures = failures;
  }

  /** The throttle of wrong admin tokens per address, in {@code buckets} when the cluster shares them. */
  static Throttle throttle(BucketStore buckets, Clock clock) {
    return Throttle.wrongCredentials("admin-token-failures", buckets, clock);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (expected == null) {
      ctx.fail(GatewayException.notFound(
          "The admin API is disabled on this gateway. The operator enables it"
              + " by starting the gateway with --admin-token <token> (or KEAPGW_ADMIN_TOKEN)."));
      return;
    }
    String address = ctx.request().remoteAddress() == null
        ? "?"
        : ctx.request().remoteAddress().host();
    failures
        .waitNanos(address)
        .onComplete(ar -> check(ctx, address, ar.succeeded() ? ar.result() : 0L));
  }

  private void check(RoutingContext ctx, String address, long wait) {
    if (wait > 0) {
      // checked before the token, so that guessing faster than the limit learns nothing
      ctx.fail(Throttle.refusal("admin tokens", wait));
      return;
    }
    String given = bearer(ctx.request().getHeader("Authorization"));
    if (given == null || !MessageDigest.isEqual(sha256(given), expected)) {
      // answered once the failure is counted, so that the next try (on any instance) sees it
      failures
          .spend(address)
          .onComplete(counted -> ctx.fail(new GatewayException(
                  ErrorType.UNAUTHORIZED,
                  "Missing or wrong admin token: send 'Authorization: Bearer <admin token>' with the token the gateway was"
                      + " started with (--admin-token or KEAPGW_ADMIN_TOKEN). API keys do not work here.")
              .header("WWW-Authenticate", "Bearer realm=\"admin\"")));
      return;
    }
    ctx.next();
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String t = authorization.substring(7).trim();
    return t.isEmpty() ? null : t;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
