package dev.keapgw.sandbox.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxConfig;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keap's OAuth authorization server: the consent page at {@code /app/oauth/authorize} and the
 * token endpoint at {@code /token}, both open (no credentials). The operator registers clients
 * under {@code /_sandbox/clients} and steers auto-approval under {@code /_sandbox/oauth/approval}.
 * Revoking a tenant's tokens ({@code /_sandbox/tenants/{id}/tokens:revoke}) also kills its
 * refresh tokens, so an application sees its grant die. OAuth state lives in memory only.
 */
public final class OAuthModule implements KeapModule {
  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    SandboxConfig config = ctx.config();
    ClientRegistry clients =
        new ClientRegistry(config.clientId(), config.clientSecret(), config.redirectUris());
    AuthorizationCodes codes = new AuthorizationCodes(config.authCodeTtl());
    RefreshTokens refreshTokens = new RefreshTokens(config.refreshTokenTtl());
    AtomicReference<AutoApproval> approval = new AtomicReference<>(AutoApproval.defaults());
    AuthorizeEndpoint authorize =
        new AuthorizeEndpoint(ctx, clients, codes, new PendingConsents(), approval::get);
    TokenEndpoint token = new TokenEndpoint(ctx, clients, codes, refreshTokens);
    ctx.credentials().onTenantRevoked(refreshTokens::revokeTenant);

    routing
        .open()
        .get(ConsentPage.FORM_ACTION, authorize::show)
        .post(ConsentPage.FORM_ACTION, authorize::decide)
        .post("/token", token::handle);
    routing
        .control()
        .get("/clients", r -> KeapResponse.json(200, clientsJson(clients.all())))
        .post("/clients", r -> KeapResponse.json(201, clientJson(register(clients, r.jsonBody()))))
        .get(
            "/oauth/approval",
            r -> KeapResponse.json(200, approval.get().toJson(ctx.world(), config.autoApprove())))
        .put("/oauth/approval", r -> {
          approval.set(AutoApproval.parse(r.jsonBody(), ctx.world()));
          return KeapResponse.json(200, approval.get().toJson(ctx.world(), config.autoApprove()));
        })
        .delete("/oauth/approval", r -> {
          approval.set(AutoApproval.defaults());
          return KeapResponse.empty(204);
        });
  }

  private static OAuthClient register(ClientRegistry clients, ObjectNode body) {
    JsonNode uris = body.get("redirect_uris");
    if (uris == null || !uris.isArray()) {
      throw ApiException.invalidField(
          "sandbox", "redirect_uris", "redirect_uris must be an array of URLs");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode u : uris) {
      if (!u.isTextual()) {
        throw ApiException.invalidField(
            "sandbox", "redirect_uris", "redirect_uris must hold strings");
      }
      list.add(u.asText());
    }
    return clients.register(textField(body, "client_id"), textField(body, "client_secret"), list);
  }

  private static String textField(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v != null && !v.isNull() && !v.isTextual()) {
      throw ApiException.invalidField("sandbox", field, field + " must be a string");
    }
    return v == null || v.isNull() ? null : v.asText();
  }

  private static ObjectNode clientsJson(List<OAuthClient> all) {
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("clients");
    all.forEach(c -> list.add(clientJson(c)));
    return out;
  }

  /** The operator's view: secrets included, since whoever reaches /_sandbox runs the sandbox. */
  private static ObjectNode clientJson(OAuthClient c) {
    ObjectNode o =
        Json.object().put("client_id", c.clientId()).put("client_secret", c.clientSecret());
    ArrayNode uris = o.putArray("redirect_uris");
    c.redirectUris().forEach(uris::add);
    return o;
  }
}
