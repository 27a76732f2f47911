package dev.keapgw.gateway.ratelimit;

import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows the wrong credentials one address sends (admin tokens, API keys at the console's
 * sign-in): {@value #FAILURE_BURST} at once, then {@value #FAILURES_PER_SECOND} a second. Its
 * holder asks {@link #secondsToWait} before it looks at a credential and refuses the request
 * while the address must wait, the right credential included, so that guessing faster than
 * the limit learns nothing; it calls {@link #failed} for each wrong one. Kept in this instance.
 *
 * <p>The console's sign-ins use it; the same numbers as {@code admin.AdminGuard}'s. To be replaced
 * by w/harden2's cluster-wide {@code ratelimit.Throttle} once that lands (one mechanism for both).
 */
public final class FailureThrottle {
  /** Wrong credentials one address may send at once, and then per second. */
  public static final int FAILURE_BURST = 10;

  public static final int FAILURES_PER_SECOND = 1;
  /** Addresses remembered at most; past this the slate is wiped (a flood of addresses only resets it). */
  private static final int MAX_ADDRESSES = 10_000;

  private static final BucketConfiguration FAILURES = BucketConfiguration.builder()
      .addLimit(
          l -> l.capacity(FAILURE_BURST).refillGreedy(FAILURES_PER_SECOND, Duration.ofSeconds(1)))
      .build();

  private final LocalBuckets failures;

  public FailureThrottle(Clock clock) {
    this.failures = new LocalBuckets(clock);
  }

  /** Whole seconds until the address may try again (rounded up); 0 when it may try now. */
  public long secondsToWait(String address) {
    long wait = failures.nanosUntilAvailable(key(address), FAILURES);
    return wait <= 0 ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
  }

  /** Counts one wrong credential from the address. */
  public void failed(String address) {
    failures.consume(key(address), FAILURES);
  }

  /** The 429 for an address that must wait: {@code what} names the credential ("admin tokens"). */
  public static GatewayException refusal(String what, long seconds) {
    return new GatewayException(
            ErrorType.RATE_LIMITED,
            "Too many wrong " + what + " from this address: retry after " + seconds + " s.")
        .header("Retry-After", Long.toString(seconds));
  }

  private String key(String address) {
    if (failures.size() > MAX_ADDRESSES) {
      failures.clear();
    }
    return address == null ? "?" : address;
  }
}
