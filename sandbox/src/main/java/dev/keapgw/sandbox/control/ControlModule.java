package dev.keapgw.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.store.Tenant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator's side under {@code /_sandbox}: counters, tenants and their sample data, token
 * expiry and revocation, personal access keys, and fault injection. It takes no Keap
 * credentials: whoever can reach the sandbox's port is its operator.
 */
public final class ControlModule implements KeapModule {
  private final Sandbox sandbox;

  public ControlModule(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    routing
        .control()
        .get("/stats", r -> KeapResponse.json(200, ctx.stats().toJson()))
        .post("/stats:reset", r -> {
          ctx.stats().reset();
          return KeapResponse.json(200, ctx.stats().toJson());
        })
        .get("/tenants", r -> {
          ObjectNode out = Json.object();
          ArrayNode list = out.putArray("tenants");
          for (Tenant t : ctx.world().tenants()) {
            list.addObject().put("id", t.id()).put("app_name", t.appName());
          }
          return KeapResponse.json(200, out);
        })
        .post("/tenants", r -> {
          int next = ctx.world().tenants().size() + 1;
          Tenant t = ctx.world().tenant(Sandbox.tenantId(next));
          ObjectNode body = r.body().length == 0 ? Json.object() : r.jsonBody();
          if (body.path("seed").asBoolean(true)) {
            sandbox.seed(t, new SeedPlan(next, body.path("contacts").asInt(0), 1000L + next));
          }
          return KeapResponse.json(
              201, Json.object().put("id", t.id()).put("app_name", t.appName()));
        })
        .post("/tenants/{tenant_id}/seed", r -> {
          Tenant t = tenant(ctx, r);
          ObjectNode body = r.body().length == 0 ? Json.object() : r.jsonBody();
          int contacts = body.path("contacts").asInt(0);
          if (contacts < 0 || contacts > 2_000_000) {
            throw ApiException.invalidField(
                "sandbox", "contacts", "contacts must be between 0 and 2000000");
          }
          int index = ctx.world().tenants().indexOf(t) + 1;
          sandbox.seed(
              t, new SeedPlan(index, contacts, body.path("random_seed").asLong(1000L + index)));
          return KeapResponse.json(
              200, Json.object().put("id", t.id()).put("seeded_contacts", contacts));
        })
        .post(
            "/tenants/{tenant_id}/tokens:expire",
            r -> KeapResponse.json(
                200,
                Json.object()
                    .put(
                        "expired", ctx.credentials().expireTenant(tenant(ctx, r).id()))))
        .post(
            "/tenants/{tenant_id}/tokens:revoke",
            r -> KeapResponse.json(
                200,
                Json.object()
                    .put(
                        "revoked", ctx.credentials().revokeTenant(tenant(ctx, r).id()))))
        .post("/tenants/{tenant_id}/api-keys", r -> {
          Tenant t = tenant(ctx, r);
          ObjectNode body = r.body().length == 0 ? Json.object() : r.jsonBody();
          String user = body.path("user_id").asText("1");
          return KeapResponse.json(
              201,
              Json.object()
                  .put("api_key", ctx.credentials().issueApiKey(t.id(), user).token())
                  .put("tenant_id", t.id())
                  .put("user_id", user));
        })
        .get("/faults", r -> KeapResponse.json(200, faultsJson()))
        .post("/faults", r -> {
          sandbox.faults().add(rule(r.jsonBody()));
          return KeapResponse.json(201, faultsJson());
        })
        .delete("/faults", r -> {
          sandbox.faults().clear();
          return KeapResponse.empty(204);
        });
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    Tenant t = ctx.world().find(r.pathParam("tenant_id"));
    if (t == null) {
      throw ApiException.notFound("tenant", r.pathParam("tenant_id"));
    }
    return t;
  }

  private static Faults.Rule rule(ObjectNode b) {
    Faults.Kind kind;
    try {
      kind = Faults.Kind.valueOf(b.path("kind").asText("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(
          "sandbox", "kind", "kind must be one of latency, status, drop, drop_mid_body");
    }
    double share = b.path("share").asDouble(1.0);
    if (share < 0 || share > 1) {
      throw ApiException.invalidField("sandbox", "share", "share must be between 0 and 1");
    }
    int status = b.path("status").asInt(0);
    if (kind == Faults.Kind.STATUS && (status < 400 || status > 599)) {
      throw ApiException.invalidField(
          "sandbox", "status", "status must be an error status (400 to 599)");
    }
    long latency = b.path("latency_ms").asLong(0);
    if (kind == Faults.Kind.LATENCY && (latency <= 0 || latency > 600_000)) {
      throw ApiException.invalidField(
          "sandbox", "latency_ms", "latency_ms must be between 1 and 600000");
    }
    JsonNode count = b.get("count");
    return new Faults.Rule(
        b.path("path_prefix").asText("/"),
        share,
        kind,
        latency,
        status,
        new AtomicInteger(count == null ? -1 : count.asInt()));
  }

  private ObjectNode faultsJson() {
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("faults");
    for (Faults.Rule r : sandbox.faults().rules()) {
      list.addObject()
          .put("path_prefix", r.pathPrefix())
          .put("share", r.share())
          .put("kind", r.kind().name().toLowerCase(Locale.ROOT))
          .put("latency_ms", r.latencyMillis())
          .put("status", r.status())
          .put("remaining", r.remaining().get());
    }
    return out;
  }
}
