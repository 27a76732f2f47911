package dev.keapgw.gateway.trigger.keap;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.OneTimeTokens;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's Keap subscriptions live: asks Keap for each one's status now and then (on
 * one instance of a cluster at a time, under a lease), and verifies again one Keap marked
 * Inactive (after four failed deliveries or a 410), or subscribes afresh, at a new hook URL,
 * when Keap no longer has it. A connection that cannot call Keap (FAILED) is skipped until it
 * is reconnected.
 */
public final class SubscriptionKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);
  static final int BATCH = 200;

  private final Subscriptions subs;
  private final KeapHooksClient keap;
  private final ConnectionRepository connections;
  private final String hookBase;
  private final Clock clock;
  private final BooleanSupplier holdsLease;

  public SubscriptionKeeper(
      Subscriptions subs,
      KeapHooksClient keap,
      ConnectionRepository connections,
      String hookBase,
      Clock clock,
      BooleanSupplier holdsLease) {
    this.subs = subs;
    this.keap = keap;
    this.connections = connections;
    this.hookBase = hookBase;
    this.clock = clock;
    this.holdsLease = holdsLease;
  }

  /** One pass over the subscriptions (blocking); answers how many it re-verified or re-made. */
  public int pass() {
    if (!holdsLease.getAsBoolean()) {
      return 0;
    }
    int fixed = 0;
    for (Subscription s : subs.withKey(BATCH)) {
      Connection c =
          connections.byId(s.connectionId()).filter(Connection::isActive).orElse(null);
      if (c == null) {
        continue;
      }
      try {
        fixed += keep(c, s) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warn("could not check hook subscription {} at Keap: {}", s.id(), e.getMessage());
      }
    }
    return fixed;
  }

  private boolean keep(Connection c, Subscription s) {
    KeapHooksClient.RestHook now = keap.get(c, s.hookKey());
    if (now == null) {
      String token = OneTimeTokens.random();
      KeapHooksClient.RestHook made = keap.create(c, s.eventKey(), hookBase + token);
      subs.rekey(s.id(), OneTimeTokens.hash(token), made.key(), made.status(), clock.instant());
      LOG.info("Keap had lost hook subscription {} ({}): subscribed again", s.id(), s.eventKey());
      return true;
    }
    if (Subscription.VERIFIED.equals(now.status())) {
      subs.update(s.id(), s.hookKey(), now.status(), clock.instant());
      return false;
    }
    KeapHooksClient.RestHook v = keap.verify(c, s.hookKey());
    subs.update(s.id(), s.hookKey(), v.status(), clock.instant());
    LOG.info(
        "hook subscription {} ({}) was {} at Keap; verified again: {}",
        s.id(),
        s.eventKey(),
        now.status(),
        v.status());
    return true;
  }
}
