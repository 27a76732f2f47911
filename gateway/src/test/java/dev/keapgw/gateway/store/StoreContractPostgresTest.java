package dev.keapgw.gateway.store;

import dev.keapgw.gateway.engines.StoreEngine;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class StoreContractPostgresTest extends StoreContract {
  @Override
  StoreEngine engine() {
    return StoreEngine.POSTGRESQL;
  }
}
