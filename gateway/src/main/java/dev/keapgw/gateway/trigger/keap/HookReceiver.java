package dev.keapgw.gateway.trigger.keap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.connection.OneTimeTokens;
import dev.keapgw.gateway.error.ErrorType;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.trigger.Intake;
import dev.keapgw.gateway.trigger.Trigger;
import dev.keapgw.gateway.trigger.TriggerRepository;
import dev.keapgw.gateway.trigger.TriggerSource;
import dev.keapgw.gateway.trigger.lifecycle.ConnectionEvents;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /hooks/keap/{token}}: what Keap sends to a hook URL the gateway issued.
 *
 * <ul>
 *   <li>With {@code X-Hook-Secret} (the verification handshake): 200 echoing the header, for a
 *       URL of a subscription the gateway holds.
 *   <li>Otherwise a delivery ({@code {"event_key","object_type","object_keys":[...]}}): one event
 *       per ENABLED trigger on the subscription, its payload Keap's body plus
 *       {@code connection_id} and {@code tenant_id}, committed to the outbox before the 200,
 *       so nothing Keap was told we have is ever lost. The store unreachable: 503, and Keap retries.
 *   <li>A URL the gateway did not issue, or whose subscription is gone: 410, which makes Keap
 *       mark a subscription Inactive.
 * </ul>
 */
public final class HookReceiver {
  public static final String PATH = "/hooks/keap/";
  private static final String SECRET_HEADER = "X-Hook-Secret";

  private final Subscriptions subs;
  private final ConnectionRepository connections;
  private final TriggerRepository triggers;
  private final Intake intake;
  private final Clock clock;

  public HookReceiver(
      Subscriptions subs,
      ConnectionRepository connections,
      TriggerRepository triggers,
      Intake intake,
      Clock clock) {
    this.subs = subs;
    this.connections = connections;
    this.triggers = triggers;
    this.intake = intake;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.post(PATH + ":token").blockingHandler(this::handle, false);
  }

  private void handle(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    Optional<Subscription> sub = token == null || token.length() > 100
        ? Optional.empty()
        : subs.byUrlHash(OneTimeTokens.hash(token));
    if (sub.isEmpty()) {
      throw new GatewayException(ErrorType.GONE, "No hook subscription at this URL.");
    }
    String secret = ctx.request().getHeader(SECRET_HEADER);
    if (secret != null) {
      ctx.response().setStatusCode(200).putHeader(SECRET_HEADER, secret).end();
      return;
    }
    ObjectNode body = Json.callerObject(ctx.body().buffer());
    Subscription s = sub.get();
    JsonNode key = body.get("event_key");
    if (key == null || !key.isTextual() || !key.asText().equals(s.eventKey())) {
      throw GatewayException.badRequest("This hook URL takes '" + s.eventKey() + "' deliveries"
              + " ({\"event_key\",\"object_type\",\"object_keys\"})")
          .with("field", "event_key");
    }
    Connection c = connections.byId(s.connectionId()).orElse(null);
    ObjectNode payload = body.deepCopy();
    payload.put("connection_id", s.connectionId());
    payload.put("tenant_id", c == null ? null : ConnectionEvents.tenant(c));
    Instant now = clock.instant();
    int made = triggers.jdbi().inTransaction(h -> {
      List<Trigger> live = TriggerRepository.bySubscription(h, s.id());
      return intake.record(h, live, payload, now);
    });
    intake.committed(TriggerSource.KEAP, made);
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .end("{\"received\":true}");
  }
}
