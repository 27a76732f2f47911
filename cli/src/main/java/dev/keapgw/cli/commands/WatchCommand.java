package dev.keapgw.cli.commands;

import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.Durations;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.watch.EventWatch;
import dev.keapgw.cli.watch.Handler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keap triggers events watch --trigger ID --exec COMMAND}: see {@link EventWatch}. */
@Command(
    name = "watch",
    description = {
      "Hand each new event of a trigger to COMMAND (run by /bin/sh -c), one at a time, oldest first: the event's"
          + " JSON on its stdin, its id in KEAP_EVENT_ID (and KEAP_TRIGGER_ID, KEAP_EVENT_TYPE, KEAP_RECEIVED_AT).",
      "A checkpoint file, saved after each event the handler took (exit 0), lets a restarted watch resume after"
          + " the last one: no event twice, none missed. A handler that exits non-zero stops the watch with its"
          + " status, and the next watch hands that event again.",
      "The first watch of a trigger starts with the events received after it starts (--from-start: every event"
          + " the gateway keeps)."
    })
final class WatchCommand implements Callable<Integer> {
  private final Session s;

  @Mixin
  TriggerOption trigger;

  @Option(
      names = "--exec",
      required = true,
      paramLabel = "COMMAND",
      description = "the handler, e.g. ./handler.sh")
  String command;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description =
          "where the watch keeps its place (default: ~/.local/state/keap/watch/TRIGGER_ID.json,"
              + " under XDG_STATE_HOME when set)")
  Path checkpoint;

  @Option(
      names = "--poll-every",
      paramLabel = "DURATION",
      defaultValue = "2s",
      description = "how often to look for new events (default 2s)")
  String pollEvery;

  @Option(
      names = "--from-start",
      description = "with no checkpoint yet, hand every event the gateway keeps")
  boolean fromStart;

  @Option(names = "--once", description = "hand the events waiting now, then exit (e.g. from cron)")
  boolean once;

  @Option(
      names = "--max-events",
      paramLabel = "N",
      defaultValue = "0",
      description = "exit after handing N events (0: no limit)")
  long maxEvents;

  WatchCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (maxEvents < 0) {
      throw CliFailure.usage("--max-events must be 0 or more", "e.g. --max-events 10");
    }
    Handler handler = new Handler(command, s.env().env(), s.out(), s.env().err());
    EventWatch watch = new EventWatch(
        s.triggers(), handler, s.env().sleeper(), s.mapper(), s.env().err());
    Path checkpoint = checkpointFile();
    s.tell("watching trigger " + trigger.id + " (checkpoint " + checkpoint + ")");
    return watch.run(new EventWatch.Settings(
        trigger.id,
        checkpoint,
        Durations.parse(pollEvery, "--poll-every"),
        fromStart,
        once,
        maxEvents));
  }

  /** The checkpoint: --checkpoint, else one per trigger in the user's state directory. */
  private Path checkpointFile() {
    if (checkpoint != null) {
      return checkpoint;
    }
    String state = s.env().get("XDG_STATE_HOME");
    Path base = state != null ? Path.of(state) : s.env().home().resolve(".local/state");
    return base.resolve("keap/watch")
        .resolve(trigger.id.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
  }
}
