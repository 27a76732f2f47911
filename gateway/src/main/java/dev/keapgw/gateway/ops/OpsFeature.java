package dev.keapgw.gateway.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.feature.ReadinessChecks;
import dev.keapgw.gateway.http.Json;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations endpoints: {@code /healthz} (the process answers), {@code /readyz} (requests can be
 * served: the store answers, and every check in the gateway's {@link ReadinessChecks} passes) and
 * {@code /metrics} (Prometheus text). None needs a key; none shows a secret.
 */
public final class OpsFeature implements Feature {
  @Override
  public void mount(ControlRoutes routes, GatewayServices s) {
    new JvmMemoryMetrics().bindTo(s.metrics());
    new JvmGcMetrics().bindTo(s.metrics());
    new JvmThreadMetrics().bindTo(s.metrics());
    new ProcessorMetrics().bindTo(s.metrics());
    routes
        .router()
        .get("/healthz")
        .handler(ctx -> ctx.response()
            .putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store")
            .end("{\"status\":\"ok\"}"));
    routes
        .router()
        .get("/readyz")
        .blockingHandler(
            ctx -> {
              List<String> problems = new ArrayList<>();
              if (!s.db().reachable()) {
                problems.add("the store does not answer");
              }
              problems.addAll(s.readiness().problems());
              ObjectNode body =
                  Json.object().put("status", problems.isEmpty() ? "ready" : "not_ready");
              ArrayNode list = body.putArray("problems");
              problems.forEach(list::add);
              ctx.response()
                  .setStatusCode(problems.isEmpty() ? 200 : 503)
                  .putHeader("Content-Type", "application/json")
                  .putHeader("Cache-Control", "no-store")
                  .end(Buffer.buffer(Json.bytes(body)));
            },
            false);
    routes
        .router()
        .route(HttpMethod.GET, "/metrics")
        .handler(ctx -> ctx.response()
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .end(s.metrics().scrape()));
  }
}
