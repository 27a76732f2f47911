package dev.keapgw.gateway.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.feature.Feature;
import dev.keapgw.gateway.feature.GatewayServices;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import io.vertx.core.http.HttpMethod;

/**
 * {@code GET /user}: who the API key belongs to, {@code {"account":{"id","name"},"key":{"id"}}}.
 * The quickest way for a caller to check that its key works.
 */
public final class UserRoutes implements Feature {
  @Override
  public void mount(ControlRoutes routes, GatewayServices services) {
    routes.authenticated(HttpMethod.GET, "/user", (ctx, p) -> {
      ObjectNode out = Json.object();
      out.putObject("account")
          .put("id", p.account().id())
          .put("name", p.account().name());
      out.putObject("key").put("id", p.keyId());
      return Reply.ok(out);
    });
  }
}
