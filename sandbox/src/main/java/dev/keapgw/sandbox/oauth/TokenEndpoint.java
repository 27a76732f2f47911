package dev.keapgw.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.auth.Grant;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Caller;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.store.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /token} as Keap answers it. The body is form-encoded only. The code exchange
 * takes the client's credentials in the body; the refresh takes them as HTTP Basic and ignores
 * any in the body. Every refresh rotates the refresh token; the access token it replaces stays
 * valid until it expires, as at Keap. Successes and refusals alike are marked no-store.
 */
final class TokenEndpoint {
  private static final String ACCESS_PREFIX = "KeapAT-";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final SandboxContext ctx;
  private final ClientRegistry clients;
  private final AuthorizationCodes codes;
  private final RefreshTokens refreshTokens;

  TokenEndpoint(
      SandboxContext ctx,
      ClientRegistry clients,
      AuthorizationCodes codes,
      RefreshTokens refreshTokens) {
    this.ctx = ctx;
    this.clients = clients;
    this.codes = codes;
    this.refreshTokens = refreshTokens;
  }

  KeapResponse handle(KeapRequest r) {
    try {
      Map<String, List<String>> form = form(r);
      String grantType = single(form, "grant_type");
      if (grantType == null || grantType.isEmpty()) {
        throw TokenError.missingGrantType().reject();
      }
      return switch (grantType) {
        case "authorization_code" -> exchangeCode(form);
        case "refresh_token" -> refresh(r, form);
        default -> throw TokenError.unsupportedGrantType(grantType).reject();
      };
    } catch (TokenError.TokenRejected e) {
      return e.error().response();
    }
  }

  private KeapResponse exchangeCode(Map<String, List<String>> form) {
    OAuthClient client = clients
        .authenticate(single(form, "client_id"), single(form, "client_secret"))
        .orElseThrow(() -> TokenError.invalidClient(
                "client_id and client_secret in the request body do not name a registered client")
            .reject());
    String code = required(form, "code");
    String redirectUri = required(form, "redirect_uri");
    Instant now = now();
    AuthorizationCodes.CodeGrant g = codes.redeem(code, client.clientId(), redirectUri, now);
    KeapResponse answer = issue(client.clientId(), g.tenantId(), g.userId(), now);
    ctx.stats().grant("authorization_code");
    return answer;
  }

  private KeapResponse refresh(KeapRequest r, Map<String, List<String>> form) {
    OAuthClient client = basicCredentials(r.header("authorization"))
        .flatMap(idSecret -> clients.authenticate(idSecret[0], idSecret[1]))
        .orElseThrow(() -> TokenError.invalidClient(
                "the refresh grant needs the client's credentials as HTTP Basic authentication")
            .reject());
    String token = single(form, "refresh_token");
    if (token == null || token.isEmpty()) {
      throw TokenError.invalidRequest("refresh_token is required").reject();
    }
    Instant now = now();
    RefreshTokens.RefreshGrant old = refreshTokens.spend(token, client.clientId(), now);
    KeapResponse answer = issue(client.clientId(), old.tenantId(), old.userId(), now);
    ctx.stats().grant("refresh_token");
    return answer;
  }

  private KeapResponse issue(String clientId, String tenantId, String userId, Instant now) {
    Caller caller = new Caller(tenantId, userId, clientId, Caller.Kind.OAUTH);
    Grant access =
        ctx.credentials().issue(caller, now.plus(ctx.config().accessTokenTtl()), ACCESS_PREFIX);
    RefreshTokens.RefreshGrant refresh = refreshTokens.issue(clientId, tenantId, userId, now);
    Tenant tenant = ctx.world().find(tenantId);
    ObjectNode body = Json.object()
        .put("access_token", access.token())
        .put("token_type", "bearer")
        .put("expires_in", ctx.config().accessTokenTtl().toSeconds())
        .put("refresh_token", refresh.token())
        .put("scope", "full|" + (tenant == null ? tenantId : tenant.appName()));
    return noStore(KeapResponse.json(200, body));
  }

  /** The body's parameters when it is form-encoded; otherwise none, which is how Keap treats JSON. */
  private static Map<String, List<String>> form(KeapRequest r) {
    String type = r.header("content-type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
      return Map.of();
    }
    try {
      return KeapRequest.parseQuery(new String(r.body(), StandardCharsets.UTF_8));
    } catch (ApiException e) {
      throw TokenError.invalidRequest("the form body is not valid percent-encoding")
          .reject();
    }
  }

  /** One value of a parameter, or null; RFC 6749 3.2 forbids sending a parameter twice. */
  private static String single(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    if (v != null && v.size() > 1) {
      throw TokenError.invalidRequest(name + " must not be repeated").reject();
    }
    return v == null ? null : v.get(0);
  }

  private static String required(Map<String, List<String>> form, String name) {
    String v = single(form, name);
    if (v == null || v.isEmpty()) {
      throw TokenError.invalidRequest(name + " is required").reject();
    }
    return v;
  }

  /** {@code [id, secret]} from an {@code Authorization: Basic} header, or empty when absent or malformed. */
  static Optional<String[]> basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(
          Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }

  static KeapResponse noStore(KeapResponse r) {
    return r.header("Cache-Control", "no-store").header("Pragma", "no-cache");
  }

  private Instant now() {
    return ctx.config().clock().instant();
  }
}
