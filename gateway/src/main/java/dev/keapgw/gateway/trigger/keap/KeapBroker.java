package dev.keapgw.gateway.trigger.keap;

import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.OneTimeTokens;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.trigger.SubscriptionBroker;
import dev.keapgw.gateway.trigger.TriggerRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keap hook subscriptions for the keap source: one per connection and event key, shared by the
 * triggers on them, at a hook URL of the form {@code {public url}/hooks/keap/{32 random bytes}}
 * (only its digest is stored). A subscription is made Verified before a trigger on it is
 * answered 201 (Keap's {@code X-Hook-Secret} handshake is answered by {@link HookReceiver}), and
 * removed at Keap once its last trigger goes.
 */
public final class KeapBroker implements SubscriptionBroker {
  private static final Logger LOG = LoggerFactory.getLogger(KeapBroker.class);
  /** How long a caller waits for another caller's subscription on the same key to be verified. */
  static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(30);

  private final Subscriptions subs;
  private final KeapHooksClient keap;
  private final ConnectionRepository connections;
  private final TriggerRepository triggers;
  private final String hookBase;
  private final Clock clock;

  /** @param hookBase {@code {public url}/hooks/keap/}, ending in a slash */
  public KeapBroker(
      Subscriptions subs,
      KeapHooksClient keap,
      ConnectionRepository connections,
      TriggerRepository triggers,
      String hookBase,
      Clock clock) {
    this.subs = subs;
    this.keap = keap;
    this.connections = connections;
    this.triggers = triggers;
    this.hookBase = hookBase;
    this.clock = clock;
  }

  @Override
  public String subscribe(Connection c, String eventKey) {
    List<String> offered = keap.eventKeys(c);
    if (!offered.contains(eventKey)) {
      throw GatewayException.badRequest("Keap does not offer the event '" + eventKey
              + "' to this connection's" + " account; it offers: " + String.join(", ", offered))
          .with("field", "event_type");
    }
    long deadline = System.nanoTime() + WAIT_FOR_OTHER.toNanos();
    while (true) {
      Optional<Subscription> existing = subs.find(c.id(), eventKey);
      if (existing.isPresent()) {
        Subscription s = existing.get();
        if (Subscription.VERIFIED.equals(s.status())) {
          return s.id();
        }
        if (s.hookKey() != null) {
          Keap.RestHookStatus v = reverify(c, s);
          if (v == Keap.RestHookStatus.VERIFIED) {
            return s.id();
          }
        }
        if (s.hookKey() == null
            && s.createdAt().plus(WAIT_FOR_OTHER.multipliedBy(2)).isBefore(clock.instant())) {
          subs.delete(s.id()); // its maker died before Keap answered: start again
          continue;
        }
        if (System.nanoTime() > deadline) {
          throw notVerified(eventKey);
        }
        pause(); // another request is making it: wait for its outcome
        continue;
      }
      String token = OneTimeTokens.random();
      Instant now = clock.instant();
      Subscription s = new Subscription(
          UUID.randomUUID().toString(),
          c.accountId(),
          c.id(),
          eventKey,
          OneTimeTokens.hash(token),
          null,
          Subscription.UNVERIFIED,
          now,
          now);
      if (!subs.insert(s)) {
        continue;
      }
      try {
        return create(c, s, hookBase + token);
      } catch (RuntimeException e) {
        subs.delete(s.id());
        throw e;
      }
    }
  }

  private String create(Connection c, Subscription s, String hookUrl) {
    KeapHooksClient.RestHook made = keap.create(c, s.eventKey(), hookUrl);
    String status = made.status();
    subs.update(s.id(), made.key(), status, clock.instant());
    if (!Subscription.VERIFIED.equals(status) && made.key() != null) {
      status = keap.verify(c, made.key()).status();
      subs.update(s.id(), made.key(), status, clock.instant());
    }
    if (!Subscription.VERIFIED.equals(status)) {
      if (made.key() != null) {
        quietly(() -> keap.delete(c, made.key()));
      }
      throw notVerified(s.eventKey());
    }
    LOG.info("subscribed Keap's {} for connection {} (hook {})", s.eventKey(), c.id(), made.key());
    return s.id();
  }

  /** Asks Keap to verify an existing subscription again (an Inactive one becomes Verified). */
  Keap.RestHookStatus reverify(Connection c, Subscription s) {
    KeapHooksClient.RestHook h = keap.verify(c, s.hookKey());
    subs.update(s.id(), s.hookKey(), h.status(), clock.instant());
    return Keap.RestHookStatus.of(h.status());
  }

  private GatewayException notVerified(String eventKey) {
    return new GatewayException(
        ErrorType.UPSTREAM_ERROR,
        "Keap did not verify the hook for '" + eventKey
            + "': Keap must reach this gateway's public URL ("
            + hookBase.replaceAll("/hooks/keap/$", "")
            + ") to deliver events; check --public-url.");
  }

  @Override
  public void release(String subscriptionId) {
    boolean inUse =
        triggers.jdbi().withHandle(h -> TriggerRepository.subscriptionInUse(h, subscriptionId));
    if (inUse) {
      return;
    }
    subs.byId(subscriptionId).ifPresent(this::remove);
  }

  /** Removes a subscription at Keap (when its connection can still call Keap) and here. */
  public void remove(Subscription s) {
    if (s.hookKey() != null) {
      connections
          .byId(s.connectionId())
          .filter(Connection::isActive)
          .ifPresent(c -> quietly(() -> keap.delete(c, s.hookKey())));
    }
    subs.delete(s.id());
  }

  /**
   * The connection is about to be deleted: its keap triggers become FAILED (they can never fire
   * again) and its subscriptions are removed at Keap while its token still works.
   */
  public void connectionDeleting(Connection c) {
    Instant now = clock.instant();
    triggers
        .jdbi()
        .useHandle(h -> h.createUpdate(
                "UPDATE triggers SET status = 'FAILED', reason = :r,"
                    + " subscription_id = NULL, updated_at = :now WHERE source = 'keap' AND connection_id = :c")
            .bind(
                "r",
                "Its connection " + c.id() + " was deleted on "
                    + dev.keapgw.gateway.store.Times.iso(now)
                    + "; create the trigger again on another connection.")
            .bind("now", dev.keapgw.gateway.store.Times.micros(now))
            .bind("c", c.id())
            .execute());
    subs.ofConnection(c.id()).forEach(this::remove);
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      // Keap keeps delivering to a URL we no longer accept; our 410 makes it Inactive there
      LOG.warn("could not remove a hook subscription at Keap: {}", e.getMessage());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(
          ErrorType.UPSTREAM_TIMEOUT, "interrupted while waiting for a hook subscription");
    }
  }
}
