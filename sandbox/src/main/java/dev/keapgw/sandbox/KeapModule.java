package dev.keapgw.sandbox;

import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;

/**
 * One part of the emulated Keap (a resource such as contacts, the OAuth server, the control
 * endpoints): the tables it keeps, the routes it answers and the sample data it seeds.
 */
public interface KeapModule {
  default List<TableSpec> tables() {
    return List.of();
  }

  void routes(Routing routing, SandboxContext ctx);

  /** Adds this module's sample data to a tenant; modules seed in the order {@link Modules} lists. */
  default void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {}

  /**
   * What to seed: {@code contacts} extra generated contacts, and a random seed that makes the
   * data the same on every run.
   */
  record SeedPlan(int tenantIndex, int contacts, long randomSeed) {}
}
