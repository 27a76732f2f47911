package dev.keapgw.gateway;

import dev.keapgw.gateway.ops.OpsFeature;
import java.util.List;

/** Every control-plane feature of the gateway, mounted in this order. */
final class Features {
  private Features() {}

  static List<Feature> all() {
    return List.of(new OpsFeature());
  }
}
