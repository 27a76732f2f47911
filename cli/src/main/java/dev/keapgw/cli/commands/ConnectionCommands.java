package dev.keapgw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Column;
import dev.keapgw.cli.output.ListSink;
import dev.keapgw.client.connections.Connection;
import dev.keapgw.client.connections.ConnectionsApi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keap connections list|create|get|delete}: the gateway's Keap connections. */
public final class ConnectionCommands {
  private static final List<Column> COLUMNS =
      Column.parseList("connection_id,status,app,tenant=metadata.tenant_id,creation_time,url");

  private ConnectionCommands() {}

  public static CommandLine tree(Session s) {
    CommandSpec group = CommandSpec.create().name("connections");
    group
        .usageMessage()
        .description("The gateway's connections to Keap accounts (one per authorized account).");
    CommandLine cl = new CommandLine(group);
    cl.addSubcommand("list", new CommandLine(new ListConnections(s)));
    cl.addSubcommand("create", new CommandLine(new Create(s)));
    cl.addSubcommand("get", new CommandLine(new Get(s)));
    cl.addSubcommand("delete", new CommandLine(new Delete(s)));
    return cl;
  }

  /** A connection with Maton's field names, for output. */
  private static JsonNode json(Session s, Connection c) {
    return s.mapper().valueToTree(c);
  }

  @Command(name = "list", description = "List your connections, oldest first.")
  static final class ListConnections implements Callable<Integer> {
    private final Session s;

    @Option(names = "--app", description = "only this app (e.g. keap)")
    String app;

    @Option(names = "--status", description = "only PENDING, ACTIVE or FAILED")
    String status;

    ListConnections(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      List<Connection> all =
          s.connections().list(app, status == null ? null : status.toUpperCase());
      ListSink sink = s.output(true).list(s.columns(COLUMNS));
      for (Connection c : all) {
        sink.add(json(s, c));
      }
      sink.finish();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "create",
      description = {
        "Start a new connection; a person opens its url to authorize it.",
        "With --wait, wait (looking every 2 s, 5 minutes at most) until it is ACTIVE."
      })
  static final class Create implements Callable<Integer> {
    private final Session s;

    @Option(names = "--app", defaultValue = "keap", description = "the app (default: keap)")
    String app;

    @Option(
        names = {"-w", "--wait"},
        description = "wait until the connection is ACTIVE")
    boolean await;

    @Option(
        names = "--wait-timeout",
        paramLabel = "DURATION",
        defaultValue = "5m",
        description = "how long --wait waits (default 5m)")
    String waitTimeout;

    Create(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      ConnectionsApi connections = s.connections();
      Connection c = connections.create(app);
      if (await) {
        s.env().err().println("Open this link in a browser to authorize the connection:");
        s.env().err().println("  " + c.url());
        s.env().err().flush();
        Duration timeout = parse(waitTimeout);
        c = connections.awaitActive(c.id(), timeout, ConnectionsApi.POLL_EVERY, x -> {
          if (s.env().terminal().stderr()) {
            s.env().err().print(".");
            s.env().err().flush();
          }
        });
        if (s.env().terminal().stderr()) {
          s.env().err().println();
        }
        s.tell("connection " + c.id() + " is ACTIVE");
      }
      s.output(false).object(json(s, c), s.columns(null));
      return ExitCodes.OK;
    }

    private static Duration parse(String text) {
      return dev.keapgw.cli.Durations.parse(text, "--wait-timeout");
    }
  }

  @Command(name = "get", description = "Show one connection.")
  static final class Get implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "CONNECTION_ID")
    String id;

    Get(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      s.output(false).object(json(s, s.connections().get(id)), s.columns(null));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "delete",
      description = "Delete a connection (asks first on a terminal, unless --yes).")
  static final class Delete implements Callable<Integer> {
    private final Session s;

    @Parameters(paramLabel = "CONNECTION_ID")
    String id;

    Delete(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() throws IOException {
      if (!s.confirm("Delete connection " + id + "?")) {
        throw new dev.keapgw.cli.CliFailure(ExitCodes.FAILED, "nothing deleted", null);
      }
      Connection gone = s.connections().delete(id);
      s.tell("deleted connection " + id);
      if (gone != null) {
        s.output(false).object(json(s, gone), s.columns(null));
      }
      return ExitCodes.OK;
    }
  }
}
