package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.feature.ControlRoutes;
import dev.keapgw.gateway.http.Json;
import dev.keapgw.gateway.http.Reply;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The Triggers API for holders of an API key: {@code /triggers}, {@code /triggers/{id}},
 * {@code /triggers/{id}/destinations[/{did}[/rotate-secret]]},
 * {@code /triggers/{id}/events[/{eid}[/replay]]}.
 */
final class TriggerRoutes {
  private final TriggerService triggers;
  private final DestinationService destinations;
  private final EventService events;

  TriggerRoutes(TriggerService triggers, DestinationService destinations, EventService events) {
    this.triggers = triggers;
    this.destinations = destinations;
    this.events = events;
  }

  void mount(ControlRoutes r) {
    r.authenticated(HttpMethod.POST, "/triggers", (ctx, p) -> {
      TriggerService.Created c = triggers.create(p.accountId(), body(ctx));
      return Reply.created(wrap(
          "trigger",
          TriggerJson.trigger(c.trigger(), c.destinations(), c.secrets(), destinations::masked)));
    });
    r.authenticated(HttpMethod.GET, "/triggers", (ctx, p) -> {
      TriggerService.Page page = triggers.list(
          p.accountId(),
          ctx.request().getParam("source"),
          ctx.request().getParam("status"),
          ctx.request().getParam("limit"),
          ctx.request().getParam("next_token"));
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("triggers");
      for (Trigger t : page.triggers()) {
        list.add(TriggerJson.trigger(
            t,
            page.destinations().stream()
                .filter(d -> d.triggerId().equals(t.id()))
                .toList(),
            Map.of(),
            destinations::masked));
      }
      out.put("next_token", page.nextToken());
      return Reply.ok(out);
    });
    r.authenticated(
        HttpMethod.GET, "/triggers/:id", (ctx, p) -> trigger(triggers.get(p.accountId(), id(ctx))));
    r.authenticated(
        HttpMethod.PATCH,
        "/triggers/:id",
        (ctx, p) -> trigger(triggers.patch(p.accountId(), id(ctx), body(ctx))));
    r.authenticated(HttpMethod.DELETE, "/triggers/:id", (ctx, p) -> {
      Trigger t = triggers.delete(p.accountId(), id(ctx));
      ObjectNode out = wrap(
          "trigger", TriggerJson.trigger(t, java.util.List.of(), Map.of(), destinations::masked));
      out.put("deleted", true);
      return Reply.ok(out);
    });
    mountDestinations(r);
    mountEvents(r);
  }

  private void mountDestinations(ControlRoutes r) {
    String base = "/triggers/:id/destinations";
    r.authenticated(HttpMethod.GET, base, (ctx, p) -> {
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("destinations");
      destinations
          .list(p.accountId(), id(ctx))
          .forEach(d -> list.add(TriggerJson.destination(d, null, destinations::masked)));
      return Reply.ok(out);
    });
    r.authenticated(HttpMethod.POST, base, (ctx, p) -> {
      DestinationService.Added a = destinations.add(p.accountId(), id(ctx), body(ctx));
      return Reply.created(wrap(
          "destination",
          TriggerJson.destination(a.destination(), a.secret(), destinations::masked)));
    });
    r.authenticated(
        HttpMethod.GET,
        base + "/:did",
        (ctx, p) -> destination(destinations.get(p.accountId(), id(ctx), ctx.pathParam("did"))));
    r.authenticated(
        HttpMethod.PATCH,
        base + "/:did",
        (ctx, p) -> destination(
            destinations.patch(p.accountId(), id(ctx), ctx.pathParam("did"), body(ctx))));
    r.authenticated(HttpMethod.DELETE, base + "/:did", (ctx, p) -> {
      ObjectNode out = wrap(
          "destination",
          TriggerJson.destination(
              destinations.delete(p.accountId(), id(ctx), ctx.pathParam("did")),
              null,
              destinations::masked));
      out.put("deleted", true);
      return Reply.ok(out);
    });
    r.authenticated(
        HttpMethod.POST,
        base + "/:did/rotate-secret",
        (ctx, p) -> Reply.ok(Json.object()
            .put(
                "signing_secret",
                destinations.rotate(p.accountId(), id(ctx), ctx.pathParam("did")))));
  }

  private void mountEvents(ControlRoutes r) {
    String base = "/triggers/:id/events";
    r.authenticated(HttpMethod.GET, base, (ctx, p) -> {
      EventService.Page page = events.list(
          p.accountId(),
          id(ctx),
          ctx.request().getParam("limit"),
          ctx.request().getParam("next_token"));
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("events");
      page.events().forEach(e -> list.add(TriggerJson.event(e)));
      out.put("next_token", page.nextToken());
      return Reply.ok(out);
    });
    r.authenticated(
        HttpMethod.GET,
        base + "/:eid",
        (ctx, p) -> event(events.get(p.accountId(), id(ctx), ctx.pathParam("eid")), 200));
    r.authenticated(
        HttpMethod.POST,
        base + "/:eid/replay",
        (ctx, p) -> event(events.replay(p.accountId(), id(ctx), ctx.pathParam("eid")), 202));
  }

  private Reply trigger(Trigger t) {
    return Reply.ok(wrap(
        "trigger",
        TriggerJson.trigger(t, triggers.destinationsOf(t), Map.of(), destinations::masked)));
  }

  private Reply destination(Destination d) {
    return Reply.ok(wrap("destination", TriggerJson.destination(d, null, destinations::masked)));
  }

  private Reply event(EventLog.Event e, int status) {
    ObjectNode o = TriggerJson.event(e);
    ArrayNode list = o.putArray("deliveries");
    events.deliveries(e).forEach(d -> list.add(TriggerJson.delivery(d)));
    return new Reply(status, wrap("event", o));
  }

  private static ObjectNode wrap(String name, ObjectNode value) {
    ObjectNode root = Json.object();
    root.set(name, value);
    return root;
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

  private static ObjectNode body(RoutingContext ctx) {
    return Json.callerObject(ctx.body().buffer());
  }
}
