package dev.keapgw.cli.commands;

import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Column;
import dev.keapgw.cli.output.ListSink;
import dev.keapgw.client.triggers.Destination;
import dev.keapgw.client.triggers.DestinationInput;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keap triggers destinations list|add|get|update|delete|rotate-secret --trigger ID}. */
final class DestinationCommands {
  private static final List<Column> COLUMNS =
      Column.parseList("destination_id,url,method,status,name,reason");

  private DestinationCommands() {}

  static CommandLine tree(Session s) {
    CommandSpec group = CommandSpec.create().name("destinations");
    group
        .usageMessage()
        .description("A trigger's destinations: the endpoints its events are delivered to.");
    CommandLine cl = new CommandLine(group);
    cl.addSubcommand("list", new CommandLine(new ListDestinations(s)));
    cl.addSubcommand("add", new CommandLine(new Add(s)));
    cl.addSubcommand("get", new CommandLine(new Get(s)));
    cl.addSubcommand("update", new CommandLine(new Update(s)));
    cl.addSubcommand("delete", new CommandLine(new Delete(s)));
    cl.addSubcommand("rotate-secret", new CommandLine(new Rotate(s)));
    return cl;
  }

  /** What every destination command takes. */
  abstract static class OnTrigger implements Callable<Integer> {
    final Session s;

    @Mixin
    TriggerOption trigger;

    OnTrigger(Session s) {
      this.s = s;
    }

    void print(Destination d) throws IOException {
      s.output(false).object(TriggerCommands.json(s, d), s.columns(null));
    }
  }

  @Command(name = "list", description = "List a trigger's destinations (secrets masked).")
  static final class ListDestinations extends OnTrigger {
    ListDestinations(Session s) {
      super(s);
    }

    @Override
    public Integer call() throws IOException {
      ListSink sink = s.output(true).list(s.columns(COLUMNS));
      for (Destination d : s.triggers().destinations().list(trigger.id)) {
        sink.add(TriggerCommands.json(s, d));
      }
      sink.finish();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "add",
      description = "Add a destination; its signing_secret is shown in full this once.")
  static final class Add extends OnTrigger {
    @Option(names = "--url", description = "the endpoint")
    String url;

    @Option(names = "--method", description = "POST (the default), PUT or PATCH")
    String method;

    @Option(names = "--name", description = "a name for people")
    String name;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON",
        description =
            "the whole destination, e.g. with headers and body_template (or @file, @-); flags add to it")
    String data;

    Add(Session s) {
      super(s);
    }

    @Override
    public Integer call() throws IOException {
      DestinationInput in =
          TriggerCommands.fields(new DestinationInput(), data == null ? null : s.data(data, true));
      TriggerCommands.flag(in, "url", url);
      TriggerCommands.flag(in, "method", TriggerCommands.upper(method));
      TriggerCommands.flag(in, "name", name);
      if (!in.fields().containsKey("url")) {
        throw CliFailure.usage("--url is required", "e.g. --url https://example.com/hooks/keap");
      }
      print(s.triggers().destinations().add(trigger.id, in));
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show one destination (its secret masked).")
  static final class Get extends OnTrigger {
    @Parameters(paramLabel = "DESTINATION_ID")
    String id;

    Get(Session s) {
      super(s);
    }

    @Override
    public Integer call() throws IOException {
      print(s.triggers().destinations().get(trigger.id, id));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "update",
      description = "Change a destination; --status ENABLED re-enables a disabled one.")
  static final class Update extends OnTrigger {
    @Parameters(paramLabel = "DESTINATION_ID")
    String id;

    @Option(names = "--url", description = "a new endpoint")
    String url;

    @Option(names = "--method", description = "POST, PUT or PATCH")
    String method;

    @Option(names = "--name", description = "a new name")
    String name;

    @Option(names = "--status", description = "ENABLED or DISABLED")
    String status;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON",
        description = "the body of the PATCH (or @file, @- for stdin); flags given add to it")
    String data;

    Update(Session s) {
      super(s);
    }

    @Override
    public Integer call() throws IOException {
      DestinationInput in =
          TriggerCommands.fields(new DestinationInput(), data == null ? null : s.data(data, true));
      TriggerCommands.flag(in, "url", url);
      TriggerCommands.flag(in, "method", TriggerCommands.upper(method));
      TriggerCommands.flag(in, "name", name);
      TriggerCommands.flag(in, "status", TriggerCommands.upper(status));
      if (in.fields().isEmpty()) {
        throw CliFailure.usage(
            "nothing to change", "give --url, --method, --name, --status or --data");
      }
      print(s.triggers().destinations().update(trigger.id, id, in));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "delete",
      description = "Remove a destination (asks first on a terminal, unless --yes).")
  static final class Delete extends OnTrigger {
    @Parameters(paramLabel = "DESTINATION_ID")
    String id;

    Delete(Session s) {
      super(s);
    }

    @Override
    public Integer call() throws IOException {
      if (!s.confirm("Delete destination " + id + "?")) {
        throw new CliFailure(ExitCodes.FAILED, "nothing deleted", null);
      }
      print(s.triggers().destinations().delete(trigger.id, id));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "rotate-secret",
      description =
          "A new signing secret, shown this once; the old one stops" + " signing at once.")
  static final class Rotate extends OnTrigger {
    @Parameters(paramLabel = "DESTINATION_ID")
    String id;

    Rotate(Session s) {
      super(s);
    }

    @Override
    public Integer call() throws IOException {
      String secret = s.triggers().destinations().rotateSecret(trigger.id, id);
      s.output(false)
          .object(s.mapper().createObjectNode().put("signing_secret", secret), s.columns(null));
      return ExitCodes.OK;
    }
  }
}
