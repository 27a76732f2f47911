package dev.keapgw.cli.commands;

import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Column;
import dev.keapgw.cli.output.ListSink;
import dev.keapgw.client.list.Page;
import dev.keapgw.client.triggers.TriggerEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keap triggers events list|get|replay|watch --trigger ID}. */
final class TriggerEventCommands {
  private static final List<Column> COLUMNS = Column.parseList(
      "event_id,received_at,event_key=payload.event_key,"
          + "total=delivery_counts.total,succeeded=delivery_counts.succeeded,failed=delivery_counts.failed");

  private TriggerEventCommands() {}

  static CommandLine tree(Session s) {
    CommandSpec group = CommandSpec.create().name("events");
    group
        .usageMessage()
        .description("A trigger's events, their deliveries and replays; 'watch' hands each new"
            + " event to a program of yours.");
    CommandLine cl = new CommandLine(group);
    cl.addSubcommand("list", new CommandLine(new ListEvents(s)));
    cl.addSubcommand("get", new CommandLine(new Get(s)));
    cl.addSubcommand("replay", new CommandLine(new Replay(s)));
    cl.addSubcommand("watch", new CommandLine(new WatchCommand(s)));
    return cl;
  }

  @Command(name = "list", description = "List a trigger's events, newest first.")
  static final class ListEvents implements Callable<Integer> {
    private final Session s;

    @Mixin
    TriggerOption trigger;

    @Option(names = "--limit", defaultValue = "20", description = "at most this many (default 20)")
    int limit;

    ListEvents(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      ListSink sink = s.output(true).list(s.columns(COLUMNS));
      String token = null;
      int left = limit;
      do {
        Page<TriggerEvent> page =
            s.triggers().events().list(trigger.id, Math.min(left, 100), token);
        for (TriggerEvent e : page.items()) {
          sink.add(TriggerCommands.json(s, e));
          left--;
        }
        token = page.nextPageToken();
      } while (left > 0 && token != null && !token.isEmpty());
      sink.finish();
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show one event with its deliveries.")
  static final class Get implements Callable<Integer> {
    private final Session s;

    @Mixin
    TriggerOption trigger;

    @Parameters(paramLabel = "EVENT_ID")
    String id;

    Get(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      s.output(false)
          .object(
              TriggerCommands.json(s, s.triggers().events().get(trigger.id, id)), s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "replay",
      description = "Deliver an event again, at once, to each ENABLED destination.")
  static final class Replay implements Callable<Integer> {
    private final Session s;

    @Mixin
    TriggerOption trigger;

    @Parameters(paramLabel = "EVENT_ID")
    String id;

    Replay(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      s.output(false)
          .object(
              TriggerCommands.json(s, s.triggers().events().replay(trigger.id, id)),
              s.columns(null));
      return ExitCodes.OK;
    }
  }
}
