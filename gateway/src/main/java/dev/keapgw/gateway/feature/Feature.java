package dev.keapgw.gateway.feature;

/**
 * One part of the control plane (connections, the connect flow, admin, triggers, ...): it
 * mounts its routes; a part with work of its own in the background starts it once the data
 * plane exists and stops it when the gateway closes.
 */
public interface Feature {
  void mount(ControlRoutes routes, GatewayServices services);

  /** Called once the gateway's data plane (its token source) exists, before it listens. */
  default void start(Running gateway) {}

  /**
   * Called once the gateway listens (after every {@link #start}): for work that needs the
   * gateway to answer others, such as a handshake a remote service makes with it.
   */
  default void listening() {}

  /** Called first when the gateway closes. */
  default void stop() {}
}
