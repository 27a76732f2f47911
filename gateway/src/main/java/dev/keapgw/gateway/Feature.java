package dev.keapgw.gateway;

import dev.keapgw.gateway.http.ControlRoutes;

/** One part of the control plane (connections, the connect flow, admin, ...): it mounts its routes. */
public interface Feature {
  void mount(ControlRoutes routes, GatewayServices services);
}
