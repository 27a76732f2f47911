package dev.keapgw.sandbox.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Caller;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.resource.ResourceTable;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.util.List;

/**
 * Keap users (the people who log in to a Keap account) and {@code userinfo}, which answers for
 * the user and tenant a token was granted by. Its {@code sub} is the user id that other
 * resources' {@code user_id} fields take.
 */
public final class UsersModule implements KeapModule {
  public static final String TABLE = "users";

  @Override
  public List<TableSpec> tables() {
    return List.of(TableSpec.indexed(TABLE, "email", UserViews::emails));
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    new ResourceTable(TABLE, "user")
        .listAndGet(routing.api(), ctx, "/users", "user_id", UserViews.LIST, row -> row)
        .get("/oauth/connect/userinfo", r -> KeapResponse.json(200, userInfo(ctx, r)));
  }

  @Override
  public void seed(Tenant tenant, SeedPlan plan, SandboxContext ctx) {
    UserSeed.seed(tenant, ctx.world().now());
  }

  private static ObjectNode userInfo(SandboxContext ctx, KeapRequest r) {
    Caller c = r.caller();
    Tenant tenant = ctx.world().tenant(c.tenantId());
    ObjectNode u = tenant
        .table(TABLE)
        .get(c.userId())
        .orElseThrow(() -> ApiException.notFound("user", c.userId()));
    ObjectNode info = Json.object();
    String email = u.path("email_addresses").path(0).path("email").asText(null);
    info.put("email", email);
    info.put("sub", u.path("id").asText());
    info.put("id", u.path("global_user_id").asText());
    info.put("keap_id", u.path("keap_id").asText());
    info.put("family_name", u.path("family_name").asText());
    info.put("given_name", u.path("given_name").asText());
    info.put("middle_name", u.path("middle_name").asText(""));
    info.put("preferred_name", u.path("nickname").asText(""));
    info.put("is_admin", u.path("admin").asBoolean());
    info.put("tenant_id", tenant.id());
    return info;
  }
}
