package dev.keapgw.gateway;

import java.util.List;

/** Every control-plane feature of the gateway, mounted in this order. */
final class Features {
  private Features() {}

  static List<Feature> all() {
    return List.of();
  }
}
