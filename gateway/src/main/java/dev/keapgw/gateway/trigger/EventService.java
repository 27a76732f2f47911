package dev.keapgw.gateway.trigger;

import dev.keapgw.gateway.error.GatewayException;
import java.time.Clock;
import java.util.List;

/** A trigger's events: list (newest first), read with deliveries, replay. Blocking. */
public final class EventService {
  private final TriggerService triggers;
  private final EventLog log;
  private final Clock clock;
  private final Runnable wake;

  /** @param wake tells the dispatcher that deliveries are due (after a replay) */
  public EventService(TriggerService triggers, EventLog log, Clock clock, Runnable wake) {
    this.triggers = triggers;
    this.log = log;
    this.clock = clock;
    this.wake = wake;
  }

  public record Page(List<EventLog.Event> events, String nextToken) {}

  public Page list(String accountId, String triggerId, String limit, String nextToken) {
    Trigger t = triggers.get(accountId, triggerId);
    int n = PageToken.limit(limit);
    String before = PageToken.decode(nextToken, "e:");
    Long beforeSeq;
    try {
      beforeSeq = before == null ? null : Long.parseLong(before);
    } catch (NumberFormatException e) {
      throw GatewayException.badRequest("'next_token' is not one this list gave out")
          .with("field", "next_token");
    }
    List<EventLog.Event> rows = log.page(t.id(), beforeSeq, n);
    String next = null;
    if (rows.size() > n) {
      rows = rows.subList(0, n);
      next = PageToken.encode("e:" + rows.get(n - 1).seq());
    }
    return new Page(rows, next);
  }

  public EventLog.Event get(String accountId, String triggerId, String eventId) {
    Trigger t = triggers.get(accountId, triggerId);
    return log.find(t.id(), eventId).orElseThrow(() -> notFound(eventId));
  }

  public List<EventLog.Delivery> deliveries(EventLog.Event e) {
    return log.deliveries(e.id());
  }

  /** Delivers the event again to every ENABLED destination, at once and outside their order. */
  public EventLog.Event replay(String accountId, String triggerId, String eventId) {
    EventLog.Event e = get(accountId, triggerId, eventId);
    if (log.replay(e, clock.instant()) == 0) {
      throw GatewayException.badRequest(
          "The trigger has no ENABLED destination to replay the event to");
    }
    wake.run();
    return log.find(e.triggerId(), e.id()).orElseThrow(() -> notFound(eventId));
  }

  public static GatewayException notFound(String id) {
    String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
    return GatewayException.notFound("No event with id '" + shown + "' on this trigger."
            + " List them with GET /triggers/{trigger_id}/events.")
        .with("event_id", shown);
  }
}
