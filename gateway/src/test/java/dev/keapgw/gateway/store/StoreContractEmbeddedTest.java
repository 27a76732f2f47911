package dev.keapgw.gateway.store;

import dev.keapgw.gateway.engines.StoreEngine;

class StoreContractEmbeddedTest extends StoreContract {
  @Override
  StoreEngine engine() {
    return StoreEngine.EMBEDDED;
  }
}
