package dev.keapgw.gateway.trigger;

import dev.keapgw.gateway.connection.Connection;

/** Keap hook subscriptions as triggers need them (implemented by the keap source). */
public interface SubscriptionBroker {
  /**
   * The Verified subscription for a connection and event key, made (and verified) now unless
   * one exists; shared by every trigger on the same connection and key. Blocking.
   *
   * @return the subscription's id
   * @throws dev.keapgw.gateway.error.GatewayException when the key is not one the account offers,
   *     or Keap cannot be reached or does not verify the hook
   */
  String subscribe(Connection connection, String eventKey);

  /** A trigger stopped using the subscription: it is removed at Keap once no trigger uses it. */
  void release(String subscriptionId);
}
