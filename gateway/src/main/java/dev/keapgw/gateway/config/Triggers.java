package dev.keapgw.gateway.config;

import java.time.Duration;

/**
 * How triggers deliver events to their destinations.
 *
 * @param allowPrivateDestinations whether a destination may resolve to a loopback, private,
 *     link-local or metadata address (off in production: a server-side request forgery risk;
 *     on in the demo and with {@code serve --allow-private-destinations})
 * @param deliveryTimeout how long a destination has to answer one delivery
 * @param pollEvery how often each instance looks for due deliveries in the store (intake on
 *     this instance wakes it at once)
 */
public record Triggers(
    boolean allowPrivateDestinations, Duration deliveryTimeout, Duration pollEvery) {
  public static Triggers defaults() {
    return new Triggers(false, Duration.ofSeconds(15), Duration.ofMillis(500));
  }

  public Triggers withAllowPrivateDestinations(boolean allow) {
    return new Triggers(allow, deliveryTimeout, pollEvery);
  }
}
