package dev.keapgw.sandbox.oauth;

import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.store.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /app/oauth/authorize}: GET validates the request and shows the consent page (or, with
 * auto-approval, answers at once); POST takes the person's decision. Until the client and its
 * redirect URI are known good, problems are shown as an HTML page: the sandbox never redirects
 * to a URI the client did not register. After that, problems travel back to the client as
 * {@code error} parameters with its {@code state}.
 */
final class AuthorizeEndpoint {
  private final SandboxContext ctx;
  private final ClientRegistry clients;
  private final AuthorizationCodes codes;
  private final PendingConsents consents;
  private final Supplier<AutoApproval> approval;

  AuthorizeEndpoint(
      SandboxContext ctx,
      ClientRegistry clients,
      AuthorizationCodes codes,
      PendingConsents consents,
      Supplier<AutoApproval> approval) {
    this.ctx = ctx;
    this.clients = clients;
    this.codes = codes;
    this.consents = consents;
    this.approval = approval;
  }

  KeapResponse show(KeapRequest r) {
    Optional<OAuthClient> found = clients.find(r.param("client_id"));
    if (found.isEmpty()) {
      return ConsentPage.error(
          400,
          "Unknown application",
          "No OAuth client is registered with the client_id this link carries.");
    }
    OAuthClient client = found.get();
    String redirectUri = r.param("redirect_uri");
    if (!client.allows(redirectUri)) {
      return ConsentPage.error(
          400,
          "Unregistered redirect URI",
          "The redirect_uri '" + (redirectUri == null ? "" : redirectUri)
              + "' is not one registered for this application; it must match exactly.");
    }
    String state = r.param("state");
    String responseType = r.param("response_type");
    if (responseType == null || responseType.isEmpty()) {
      return answer(redirectUri, "invalid_request", "response_type is required", state);
    }
    if (!responseType.equals("code")) {
      return answer(
          redirectUri, "unsupported_response_type", "only response_type=code is supported", state);
    }
    String scope = r.param("scope");
    if (scope != null && !scope.equals("full")) {
      return answer(redirectUri, "invalid_scope", "the only scope is full", state);
    }
    AutoApproval auto = approval.get();
    Tenant preferred = auto.tenant(ctx.world());
    if (preferred == null) {
      return ConsentPage.error(
          409,
          "No Keap account",
          "The sandbox has no tenants to grant access to; add one with POST /_sandbox/tenants.");
    }
    if (ctx.config().autoApprove()) {
      return auto.deny()
          ? answer(redirectUri, "access_denied", "the sandbox is set to deny authorization", state)
          : approved(client.clientId(), redirectUri, preferred.id(), auto.userId(), state);
    }
    String formToken = consents.open(client.clientId(), redirectUri, state, now());
    return ConsentPage.consent(
        client, redirectUri, ctx.world().tenants(), preferred.id(), formToken);
  }

  KeapResponse decide(KeapRequest r) {
    Map<String, List<String>> form;
    try {
      form = KeapRequest.parseQuery(new String(r.body(), StandardCharsets.UTF_8));
    } catch (ApiException e) {
      return ConsentPage.error(400, "Bad form", "The consent form could not be read.");
    }
    String decision = first(form, "decision");
    if (!"allow".equals(decision) && !"deny".equals(decision)) {
      return ConsentPage.error(400, "Bad form", "Choose Allow or Deny.");
    }
    Tenant tenant = ctx.world().find(first(form, "tenant_id"));
    if ("allow".equals(decision) && tenant == null) {
      return ConsentPage.error(400, "Bad form", "Pick one of the Keap accounts offered.");
    }
    Optional<PendingConsents.ConsentRequest> pending =
        consents.take(first(form, "form_token"), now());
    if (pending.isEmpty()) {
      return ConsentPage.error(
          400,
          "This form has expired",
          "The consent form expired or was already used. Start again from the application.");
    }
    PendingConsents.ConsentRequest c = pending.get();
    if ("deny".equals(decision)) {
      return answer(c.redirectUri(), "access_denied", "the user denied access", c.state());
    }
    return approved(c.clientId(), c.redirectUri(), tenant.id(), AutoApproval.ADMIN_USER, c.state());
  }

  private KeapResponse approved(
      String clientId, String redirectUri, String tenantId, String userId, String state) {
    String code = codes.issue(clientId, redirectUri, tenantId, userId, now());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    params.put("state", state);
    return redirect(redirectUri, params);
  }

  private static KeapResponse answer(
      String redirectUri, String error, String description, String state) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", description);
    params.put("state", state);
    return redirect(redirectUri, params);
  }

  private static KeapResponse redirect(String redirectUri, Map<String, String> params) {
    return KeapResponse.redirect(RedirectUris.withParams(redirectUri, params))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer");
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private Instant now() {
    return ctx.config().clock().instant();
  }
}
