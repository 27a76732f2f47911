package dev.keapgw.gateway;

import dev.keapgw.gateway.admin.AdminRoutes;
import dev.keapgw.gateway.connect.ConnectRoutes;
import dev.keapgw.gateway.connections.ConnectionRoutes;
import dev.keapgw.gateway.console.ConsoleFeature;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.mcp.McpFeature;
import dev.keapgw.gateway.ops.OpsFeature;
import dev.keapgw.gateway.trigger.TriggerFeature;
import dev.keapgw.gateway.user.UserRoutes;
import java.util.List;

/** Every control-plane feature of the gateway, mounted in this order. */
final class Features {
  private Features() {}

  static List<Feature> all() {
    return List.of(
        new OpsFeature(),
        new AdminRoutes(),
        new UserRoutes(),
        new ConnectionRoutes(),
        new ConnectRoutes(),
        new ConsoleFeature(),
        new McpFeature(),
        new TriggerFeature());
  }
}
