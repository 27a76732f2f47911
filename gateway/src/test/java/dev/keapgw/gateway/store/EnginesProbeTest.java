package dev.keapgw.gateway.store;

import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.gateway.engines.RedisEngine;
import org.junit.jupiter.api.Test;

class EnginesProbeTest {
  @Test
  void start() throws Exception {
    long t0 = System.nanoTime();
    String url = PostgresEngine.shared().newDatabase();
    System.out.println("pg " + url + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    t0 = System.nanoTime();
    System.out.println("redis " + RedisEngine.shared().url() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }
}
