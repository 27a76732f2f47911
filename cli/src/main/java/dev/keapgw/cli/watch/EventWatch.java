package dev.keapgw.cli.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.client.Sleeper;
import dev.keapgw.client.list.Page;
import dev.keapgw.client.triggers.Trigger;
import dev.keapgw.client.triggers.TriggerEvent;
import dev.keapgw.client.triggers.TriggersApi;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code keap triggers events watch}: hands a trigger's events, oldest first, to a handler one at
 * a time, saving the checkpoint after each, and looks for new ones every {@code pollEvery}.
 *
 * <p>A handler that exits non-zero stops the watch with that status, the checkpoint still before
 * the event, so the next watch hands the same event again (at least once, in order: a failing
 * event is not skipped). A watch started without a checkpoint begins with the events received
 * after it starts, or with every event the gateway keeps when {@code fromStart}.
 */
public final class EventWatch {
  /** What a watch is told. */
  public record Settings(
      String triggerId,
      Path checkpoint,
      Duration pollEvery,
      boolean fromStart,
      boolean once,
      long maxEvents) {}

  private static final int PAGE = 100;

  private final TriggersApi triggers;
  private final Handler handler;
  private final Sleeper sleeper;
  private final ObjectMapper json;
  private final PrintStream log;

  /**
   * @param log where the watch says what it does (stderr; null for nothing)
   */
  public EventWatch(
      TriggersApi triggers, Handler handler, Sleeper sleeper, ObjectMapper json, PrintStream log) {
    this.triggers = triggers;
    this.handler = handler;
    this.sleeper = sleeper;
    this.json = json;
    this.log = log;
  }

  /** Runs until {@code once} has handed what was waiting, {@code maxEvents} were handed, or a handler failed. */
  public int run(Settings s) throws InterruptedException {
    Trigger trigger = triggers.get(s.triggerId());
    Checkpoint cp = Checkpoint.load(s.checkpoint(), s.triggerId(), json);
    if (cp == null) {
      cp = s.fromStart() ? Checkpoint.empty(s.triggerId()) : atNewest(s.triggerId());
      cp.save(s.checkpoint(), json);
    }
    long handed = 0;
    while (true) {
      for (TriggerEvent e : due(cp)) {
        int status = handler.run(
            body(trigger, e),
            Map.of(
                "KEAP_EVENT_ID",
                e.id(),
                "KEAP_TRIGGER_ID",
                trigger.id(),
                "KEAP_EVENT_TYPE",
                trigger.eventType(),
                "KEAP_RECEIVED_AT",
                e.receivedAt()));
        if (status != 0) {
          say("keap: the handler exited " + status + " on event " + e.id()
              + "; the checkpoint stays before it," + " so the next watch hands it again");
          return status;
        }
        cp = cp.after(e);
        cp.save(s.checkpoint(), json);
        handed++;
        if (s.maxEvents() > 0 && handed >= s.maxEvents()) {
          return 0;
        }
      }
      if (s.once()) {
        return 0;
      }
      sleeper.sleep(s.pollEvery());
    }
  }

  /** The events not handled yet, oldest first: the listing (newest first) read back to the checkpoint's window. */
  List<TriggerEvent> due(Checkpoint cp) {
    List<TriggerEvent> due = new ArrayList<>();
    String token = null;
    do {
      Page<TriggerEvent> page = triggers.events().list(cp.triggerId(), PAGE, token);
      for (TriggerEvent e : page.items()) {
        if (cp.isBeforeWindow(e)) {
          return reversed(due);
        }
        if (!cp.covers(e)) {
          due.add(e);
        }
      }
      token = page.nextPageToken();
    } while (token != null && !token.isEmpty());
    return reversed(due);
  }

  /** A first checkpoint that counts every event received so far as handled. */
  private Checkpoint atNewest(String triggerId) {
    Checkpoint cp = Checkpoint.empty(triggerId);
    List<TriggerEvent> newest = triggers.events().list(triggerId, PAGE, null).items();
    for (TriggerEvent e : reversed(newest)) {
      cp = cp.after(e);
    }
    return cp;
  }

  /** What the handler reads: the body a destination without a template receives. */
  private byte[] body(Trigger t, TriggerEvent e) {
    ObjectNode o = json.createObjectNode();
    o.put("event_id", e.id());
    o.put("trigger_id", t.id());
    o.put("source", t.source());
    o.put("event_type", t.eventType());
    o.put("received_at", e.receivedAt());
    o.set("payload", e.payload());
    try {
      return json.writeValueAsBytes(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private void say(String line) {
    if (log != null) {
      log.println(line);
      log.flush();
    }
  }

  private static List<TriggerEvent> reversed(List<TriggerEvent> list) {
    List<TriggerEvent> r = new ArrayList<>(list);
    java.util.Collections.reverse(r);
    return r;
  }
}
