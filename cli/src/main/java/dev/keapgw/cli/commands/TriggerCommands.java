package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Column;
import dev.keapgw.cli.output.ListSink;
import dev.keapgw.client.common.Body;
import dev.keapgw.client.connections.Connection;
import dev.keapgw.client.triggers.DestinationInput;
import dev.keapgw.client.triggers.Trigger;
import dev.keapgw.client.triggers.TriggerInput;
import dev.keapgw.client.triggers.TriggerUpdate;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keap triggers list|create|get|update|delete}, with {@code destinations} and
 * {@code events} below: the gateway's Triggers API (docs/TRIGGERS.md).
 */
public final class TriggerCommands {
  static final List<Column> COLUMNS =
      Column.parseList("trigger_id,source,event_type,status,name,connection_id,created_at");

  private TriggerCommands() {}

  public static CommandLine tree(Session s) {
    CommandSpec group = CommandSpec.create().name("triggers");
    group
        .usageMessage()
        .description(
            "Events from Keap (contact.add, ...) or the gateway (connection.failed, ...) delivered to your"
                + " endpoints, signed; or handed to a program of yours with 'events watch'. See docs/TRIGGERS.md.")
        .footer(
            "",
            "Examples:",
            "  keap triggers create --event-type contact.add --destination https://example.com/hooks/keap",
            "  keap triggers create --source gateway --event-type connection.failed --destination https://example.com/ops",
            "  keap triggers list --source keap --status ENABLED",
            "  keap triggers events list --trigger TRIGGER_ID --limit 5",
            "  keap triggers events watch --trigger TRIGGER_ID --exec ./handler.sh --once");
    CommandLine cl = new CommandLine(group);
    cl.addSubcommand("list", new CommandLine(new ListTriggers(s)));
    cl.addSubcommand("create", new CommandLine(new Create(s)));
    cl.addSubcommand("get", new CommandLine(new Get(s)));
    cl.addSubcommand("update", new CommandLine(new Update(s)));
    cl.addSubcommand("delete", new CommandLine(new Delete(s)));
    cl.addSubcommand("destinations", DestinationCommands.tree(s));
    cl.addSubcommand("events", TriggerEventCommands.tree(s));
    return cl;
  }

  static JsonNode json(Session s, Object value) {
    return s.mapper().valueToTree(value);
  }

  /** Sets every field of a --data object on a request body (the body's typed setters are for flags). */
  static <B extends Body<B>> B fields(B body, JsonNode data) {
    if (data != null) {
      data.properties().forEach(e -> body.set(e.getKey(), e.getValue()));
    }
    return body;
  }

  /** Sets a field given as a flag; a flag not given leaves the field as --data set it (Body.set(null) would drop it). */
  static <B extends Body<B>> B flag(B body, String field, Object value) {
    return value == null ? body : body.set(field, value);
  }

  static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  @Command(name = "list", description = "List your triggers, oldest first (every page).")
  static final class ListTriggers implements Callable<Integer> {
    private final Session s;

    @Option(names = "--source", description = "only keap or gateway")
    String source;

    @Option(names = "--status", description = "only ENABLED, DISABLED or FAILED")
    String status;

    ListTriggers(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      List<Trigger> all = s.triggers().listAll(source, upper(status));
      ListSink sink = s.output(true).list(s.columns(COLUMNS));
      for (Trigger t : all) {
        sink.add(json(s, t));
      }
      sink.finish();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "create",
      description = {
        "Create a trigger; answered once it can fire (for keap, once Keap"
            + " verified the hook). Each new destination's signing_secret is shown in full this once.",
        "A keap trigger uses the connection named with --connection, else your only ACTIVE one."
      })
  static final class Create implements Callable<Integer> {
    private final Session s;

    @Option(
        names = "--source",
        defaultValue = "keap",
        description = "keap (the default) or gateway")
    String source;

    @Option(
        names = "--event-type",
        description = "e.g. contact.add, contactGroup.applied, connection.failed")
    String eventType;

    @Option(
        names = "--destination",
        paramLabel = "URL",
        description = "an endpoint to deliver to (repeatable)")
    List<String> destinations;

    @Option(names = "--name", description = "a name for people")
    String name;

    @Option(names = "--description", description = "what it is for")
    String description;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON",
        description =
            "the whole body of POST /triggers (or @file, @- for stdin); flags given add to it")
    String data;

    Create(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      JsonNode body = data == null ? null : s.data(data, true);
      TriggerInput in = fields(new TriggerInput(), body);
      String sourceName =
          body != null && body.has("source") ? body.get("source").asText() : source;
      in.source(sourceName);
      flag(in, "event_type", eventType);
      flag(in, "name", name);
      flag(in, "description", description);
      if (!in.fields().containsKey("event_type")) {
        throw CliFailure.usage(
            "--event-type is required",
            "e.g. --event-type contact.add (keap) or"
                + " --event-type connection.failed (gateway)");
      }
      if (destinations != null) {
        destinations.forEach(url -> in.destination(new DestinationInput().url(url)));
      }
      String connection = s.connectionId();
      if (connection != null) {
        in.connectionId(connection);
      } else if (sourceName.equals("keap") && !in.fields().containsKey("connection_id")) {
        in.connectionId(onlyActiveConnection());
      }
      s.output(false).object(json(s, s.triggers().create(in)), s.columns(null));
      return ExitCodes.OK;
    }

    private String onlyActiveConnection() {
      List<Connection> active = s.connections().list(null, "ACTIVE");
      if (active.size() != 1) {
        throw CliFailure.usage(
            "a keap trigger needs a connection, and you have " + active.size() + " ACTIVE ones",
            "name it with --connection ID (see keap connections list)");
      }
      return active.get(0).id();
    }
  }

  @Command(name = "get", description = "Show one trigger (signing secrets masked).")
  static final class Get implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "TRIGGER_ID")
    String id;

    Get(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      s.output(false).object(json(s, s.triggers().get(id)), s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "update",
      description = "Change a trigger's name, description, parameters or status.")
  static final class Update implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "TRIGGER_ID")
    String id;

    @Option(names = "--name", description = "a new name")
    String name;

    @Option(names = "--description", description = "a new description")
    String description;

    @Option(names = "--status", description = "ENABLED or DISABLED")
    String status;

    @Option(
        names = {"-d", "--data"},
        paramLabel = "JSON",
        description =
            "the body of PATCH /triggers/{id} (or @file, @- for stdin); flags given add to it")
    String data;

    Update(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      TriggerUpdate changes = fields(new TriggerUpdate(), data == null ? null : s.data(data, true));
      flag(changes, "name", name);
      flag(changes, "description", description);
      flag(changes, "status", upper(status));
      if (changes.fields().isEmpty()) {
        throw CliFailure.usage(
            "nothing to change", "give --name, --description, --status or --data");
      }
      s.output(false).object(json(s, s.triggers().update(id, changes)), s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "delete",
      description = "Delete a trigger, its destinations and events (asks first on a"
          + " terminal, unless --yes).")
  static final class Delete implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "TRIGGER_ID")
    String id;

    Delete(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      if (!s.confirm("Delete trigger " + id + "?")) {
        throw new CliFailure(ExitCodes.FAILED, "nothing deleted", null);
      }
      Trigger gone = s.triggers().delete(id);
      s.tell("deleted trigger " + id);
      s.output(false).object(json(s, gone), s.columns(null));
      return ExitCodes.OK;
    }
  }
}
