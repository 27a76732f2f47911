package dev.keapgw.gateway.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.connection.Connection;
import dev.keapgw.gateway.connections.ConnectionService;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import dev.keapgw.gateway.trigger.EventLog;
import dev.keapgw.gateway.trigger.Trigger;
import dev.keapgw.gateway.trigger.TriggerJson;
import dev.keapgw.gateway.trigger.TriggerService;
import dev.keapgw.gateway.trigger.TriggerServices;
import dev.keapgw.gateway.trigger.TriggerSource;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The account's triggers in the console, under {@code /console/api/triggers}: the triggers with
 * their destinations (secrets masked, as the API shows them after creation), create and delete,
 * enable and disable, a destination's re-enabling and secret rotation (the new secret in that
 * answer only), recent events with their delivery counts, one event's deliveries, and replay.
 * Every call goes through the triggers feature's own services with the session's account, so
 * the checks, the JSON and the 404 for another account's ids are the API's (docs/TRIGGERS.md).
 */
final class TriggerConsole {
  private static final ConsoleSession.Kind KIND = ConsoleSession.Kind.ACCOUNT;
  /** The console shows this many triggers and events per list (the API pages further). */
  static final String LIST_LIMIT = "100";

  static final String EVENTS_LIMIT = "20";
  /** Keap's event keys offered in the create form (Keap decides; another key may be typed). */
  static final List<String> KEAP_EVENT_KEYS = List.of(
      "contact.add",
      "contact.edit",
      "contact.delete",
      "contactGroup.applied",
      "contactGroup.removed",
      "opportunity.add",
      "opportunity.edit",
      "opportunity.delete",
      "opportunity.stage_move",
      "order.add",
      "order.edit",
      "invoice.add",
      "invoice.edit");

  private final Supplier<TriggerServices> services;
  private final ConnectionService connections;
  private final ConsoleMetrics metrics;

  /** @param services the triggers feature's services, known once the gateway has started */
  TriggerConsole(
      Supplier<TriggerServices> services, ConnectionService connections, ConsoleMetrics metrics) {
    this.services = services;
    this.connections = connections;
    this.metrics = metrics;
  }

  void mount(ConsoleApi api) {
    api.route(HttpMethod.GET, "/triggers", KIND, (ctx, s) -> Reply.ok(list(s)));
    api.route(HttpMethod.POST, "/triggers", KIND, (ctx, s) -> {
      TriggerService.Created c = t().triggers().create(s.accountId(), body(ctx));
      metrics.action("trigger_create");
      return Reply.created(wrap(
          "trigger",
          TriggerJson.trigger(
              c.trigger(), c.destinations(), c.secrets(), t().destinations()::masked)));
    });
    api.route(HttpMethod.PATCH, "/triggers/:id", KIND, (ctx, s) -> {
      Trigger changed = t().triggers().patch(s.accountId(), ctx.pathParam("id"), body(ctx));
      metrics.action("trigger_change");
      return Reply.ok(wrap("trigger", trigger(changed)));
    });
    api.route(HttpMethod.DELETE, "/triggers/:id", KIND, (ctx, s) -> {
      Trigger gone = t().triggers().delete(s.accountId(), ctx.pathParam("id"));
      metrics.action("trigger_delete");
      return Reply.ok(Json.object().put("trigger_id", gone.id()).put("deleted", true));
    });
    String destination = "/triggers/:id/destinations/:did";
    api.route(HttpMethod.PATCH, destination, KIND, (ctx, s) -> {
      var d = t().destinations()
          .patch(s.accountId(), ctx.pathParam("id"), ctx.pathParam("did"), body(ctx));
      metrics.action("destination_change");
      return Reply.ok(
          wrap("destination", TriggerJson.destination(d, null, t().destinations()::masked)));
    });
    api.route(HttpMethod.POST, destination + "/rotate-secret", KIND, (ctx, s) -> {
      String secret =
          t().destinations().rotate(s.accountId(), ctx.pathParam("id"), ctx.pathParam("did"));
      metrics.action("rotate_secret");
      return Reply.ok(
          Json.object().put("destination_id", ctx.pathParam("did")).put("signing_secret", secret));
    });
    api.route(HttpMethod.GET, "/triggers/:id/events", KIND, (ctx, s) -> {
      var page = t().events()
          .list(
              s.accountId(),
              ctx.pathParam("id"),
              EVENTS_LIMIT,
              ctx.request().getParam("next_token"));
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("events");
      page.events().forEach(e -> list.add(TriggerJson.event(e)));
      out.put("next_token", page.nextToken());
      return Reply.ok(out);
    });
    api.route(
        HttpMethod.GET,
        "/triggers/:id/events/:eid",
        KIND,
        (ctx, s) -> Reply.ok(wrap(
            "event",
            event(t().events().get(s.accountId(), ctx.pathParam("id"), ctx.pathParam("eid"))))));
    api.route(HttpMethod.POST, "/triggers/:id/events/:eid/replay", KIND, (ctx, s) -> {
      EventLog.Event e =
          t().events().replay(s.accountId(), ctx.pathParam("id"), ctx.pathParam("eid"));
      metrics.action("replay");
      return new Reply(202, wrap("event", event(e)));
    });
  }

  /** The account's triggers, and what the create form offers: its connections and the event types. */
  private ObjectNode list(ConsoleSession s) {
    TriggerService.Page page = t().triggers().list(s.accountId(), null, null, LIST_LIMIT, null);
    ObjectNode out = Json.object();
    out.putObject("account").put("id", s.accountId()).put("name", s.accountName());
    ArrayNode list = out.putArray("triggers");
    for (Trigger tr : page.triggers()) {
      list.add(TriggerJson.trigger(
          tr,
          page.destinations().stream()
              .filter(d -> d.triggerId().equals(tr.id()))
              .toList(),
          Map.of(),
          t().destinations()::masked));
    }
    out.put("more", page.nextToken() != null);
    ArrayNode conns = out.putArray("connections");
    for (Connection c : connections.list(s.accountId(), null, null)) {
      conns
          .addObject()
          .put("connection_id", c.id())
          .put("status", c.status().name())
          .put("tenant_id", dev.keapgw.gateway.trigger.lifecycle.ConnectionEvents.tenant(c));
    }
    ObjectNode types = out.putObject("event_types");
    KEAP_EVENT_KEYS.forEach(types.putArray(TriggerSource.KEAP.wire())::add);
    TriggerSource.GATEWAY_EVENTS.forEach(types.putArray(TriggerSource.GATEWAY.wire())::add);
    return out;
  }

  private ObjectNode trigger(Trigger tr) {
    return TriggerJson.trigger(
        tr, t().triggers().destinationsOf(tr), Map.of(), t().destinations()::masked);
  }

  private ObjectNode event(EventLog.Event e) {
    ObjectNode o = TriggerJson.event(e);
    ArrayNode list = o.putArray("deliveries");
    t().events().deliveries(e).forEach(d -> list.add(TriggerJson.delivery(d)));
    return o;
  }

  private TriggerServices t() {
    TriggerServices s = services.get();
    if (s == null) {
      // the console is mounted before the features start; the listener opens only after they have
      throw new IllegalStateException("the triggers feature has not started");
    }
    return s;
  }

  private static ObjectNode body(RoutingContext ctx) {
    return Json.callerObject(ctx.body().buffer());
  }

  private static ObjectNode wrap(String name, ObjectNode value) {
    ObjectNode root = Json.object();
    root.set(name, value);
    return root;
  }
}
