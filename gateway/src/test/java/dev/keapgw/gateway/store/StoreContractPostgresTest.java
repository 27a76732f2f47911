package dev.keapgw.gateway.store;

import dev.keapgw.gateway.engines.StoreEngine;

class StoreContractPostgresTest extends StoreContract {
  @Override
  StoreEngine engine() {
    return StoreEngine.POSTGRESQL;
  }
}
