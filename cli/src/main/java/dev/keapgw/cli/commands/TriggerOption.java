package dev.keapgw.cli.commands;

import picocli.CommandLine.Option;

/** The {@code -t/--trigger} option of every command on one trigger's destinations and events. */
final class TriggerOption {
  @Option(
      names = {"-t", "--trigger"},
      required = true,
      paramLabel = "TRIGGER_ID",
      description = "the trigger")
  String id;
}
