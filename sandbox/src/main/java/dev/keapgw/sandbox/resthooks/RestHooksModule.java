package dev.keapgw.sandbox.resthooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.input.BodyReader;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.Tenant;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Keap's v1 REST hook endpoints under {@code /crm/rest/v1/hooks}, with the same credentials,
 * quotas and error envelope as the v2 API:
 * <ul>
 *   <li>{@code GET /hooks/event_keys}: a JSON array of the keys a hook may subscribe to;
 *   <li>{@code GET /hooks}: the tenant's subscriptions, a JSON array of
 *       {@code {key, eventKey, hookUrl, status}};
 *   <li>{@code POST /hooks} {@code {eventKey, hookUrl}}: 201 with the subscription, after the
 *       handshake ({@link Handshake}) has run: {@code Verified} if the receiver echoed the
 *       secret, else {@code Unverified};
 *   <li>{@code GET}, {@code PUT} (same body as POST; handshake again) and {@code DELETE} (204)
 *       {@code /hooks/{key}};
 *   <li>{@code POST /hooks/{key}/verify}: a new handshake; success makes the hook Verified
 *       (an Inactive one too), failure leaves its status as it was;
 *   <li>{@code POST /hooks/{key}/delayedVerify} with header {@code X-Hook-Secret}: the secret of
 *       the latest handshake makes the hook Verified; any other answers 400.
 * </ul>
 * The handshake runs outside the tenant's lock, on the request's worker thread.
 */
public final class RestHooksModule implements KeapModule {
  private static final int MAX_URL_LENGTH = 2048;

  private final Supplier<RestHooks> runtime;

  /** {@code runtime} is asked for once routes are made (the sandbox builds it after its modules). */
  public RestHooksModule(Supplier<RestHooks> runtime) {
    this.runtime = runtime;
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(HookStore.table());
  }

  @Override
  public void routes(Routing routing, SandboxContext ctx) {
    RestHooks hooks = runtime.get();
    Handshake handshake = hooks.handshake();
    routing
        .api()
        .at(Routing.V1_PREFIX)
        .get("/hooks/event_keys", r -> {
          ArrayNode keys = Json.array();
          EventKeys.ALL.forEach(keys::add);
          return KeapResponse.json(200, keys);
        })
        .get("/hooks", r -> KeapResponse.json(200, HookStore.list(tenant(ctx, r))))
        .post("/hooks", r -> {
          Subscription s = subscription(r);
          String secret = Handshake.newSecret();
          ObjectNode row = HookStore.create(tenant(ctx, r), s.eventKey(), s.hookUrl(), secret);
          return KeapResponse.json(201, handshake(handshake, tenant(ctx, r), row, secret));
        })
        .get(
            "/hooks/{key}",
            r -> KeapResponse.json(200, HookStore.view(HookStore.get(tenant(ctx, r), key(r)))))
        .put("/hooks/{key}", r -> {
          Subscription s = subscription(r);
          String secret = Handshake.newSecret();
          ObjectNode row =
              HookStore.change(tenant(ctx, r), key(r), s.eventKey(), s.hookUrl(), secret);
          return KeapResponse.json(200, handshake(handshake, tenant(ctx, r), row, secret));
        })
        .delete("/hooks/{key}", r -> {
          HookStore.delete(tenant(ctx, r), key(r));
          return KeapResponse.empty(204);
        })
        .post("/hooks/{key}/verify", r -> {
          String secret = Handshake.newSecret();
          ObjectNode row = HookStore.newSecret(tenant(ctx, r), key(r), secret);
          return KeapResponse.json(200, handshake(handshake, tenant(ctx, r), row, secret));
        })
        .post("/hooks/{key}/delayedVerify", r -> KeapResponse.json(200, delayedVerify(ctx, r)));
    routing
        .control()
        .get("/rest-hooks", r -> KeapResponse.json(200, hooks.stats()))
        .post("/rest-hooks:deliver", r -> {
          hooks.deliverWaitingNow();
          return KeapResponse.json(200, hooks.stats());
        });
  }

  /** Runs the handshake for {@code row} and answers the subscription as it is afterwards. */
  private static ObjectNode handshake(
      Handshake handshake, Tenant tenant, ObjectNode row, String secret) {
    String key = row.path("id").asText();
    if (handshake.confirmed(row.path("hookUrl").asText(), secret)) {
      return HookStore.view(HookStore.confirm(tenant, key, secret).orElse(row));
    }
    return HookStore.view(HookStore.find(tenant, key).orElse(row));
  }

  private static ObjectNode delayedVerify(SandboxContext ctx, KeapRequest r) {
    Tenant tenant = tenant(ctx, r);
    ObjectNode row = HookStore.get(tenant, key(r));
    String sent = r.header(Handshake.SECRET_HEADER.toLowerCase(Locale.ROOT));
    if (sent == null || sent.isBlank()) {
      throw ApiException.invalidField(
          HookStore.DOMAIN,
          Handshake.SECRET_HEADER,
          "The X-Hook-Secret header is required: send the secret the hook URL received");
    }
    if (!sent.equals(row.path("secret").asText())) {
      throw ApiException.invalidField(
          HookStore.DOMAIN,
          Handshake.SECRET_HEADER,
          "X-Hook-Secret does not match the secret of this hook's latest verification");
    }
    return HookStore.view(HookStore.confirm(tenant, key(r), sent)
        .orElseThrow(() -> ApiException.notFound(HookStore.DOMAIN, key(r))));
  }

  /** A subscription request: {@code {"eventKey": one of event_keys, "hookUrl": an absolute http(s) URL}}. */
  private record Subscription(String eventKey, String hookUrl) {}

  private static Subscription subscription(KeapRequest r) {
    BodyReader body = new BodyReader(r.jsonBody(), HookStore.DOMAIN);
    String eventKey = body.requiredOneOf("eventKey", EventKeys.ALL);
    String hookUrl = body.requiredString("hookUrl", MAX_URL_LENGTH).trim();
    if (!isHttpUrl(hookUrl)) {
      throw body.invalid(
          "hookUrl", "hookUrl must be an absolute http or https URL, not '" + hookUrl + "'");
    }
    return new Subscription(eventKey, hookUrl);
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return u.getHost() != null && (scheme.equals("http") || scheme.equals("https"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String key(KeapRequest r) {
    return r.pathParam("key");
  }

  private static Tenant tenant(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId());
  }
}
