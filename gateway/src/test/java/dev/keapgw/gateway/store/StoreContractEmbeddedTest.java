package dev.keapgw.gateway.store;

import dev.keapgw.gateway.engines.StoreEngine;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class StoreContractEmbeddedTest extends StoreContract {
  @Override
  StoreEngine engine() {
    return StoreEngine.EMBEDDED;
  }
}
