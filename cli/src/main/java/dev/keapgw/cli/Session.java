package dev.keapgw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.cli.output.Column;
import dev.keapgw.cli.output.Output;
import dev.keapgw.cli.output.OutputFormat;
import dev.keapgw.cli.output.Progress;
import dev.keapgw.client.KeapClient;
import dev.keapgw.client.Target;
import dev.keapgw.client.connections.ConnectionsApi;
import dev.keapgw.client.http.Json;
import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.triggers.TriggersApi;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One run of {@code keap}: the environment, the global options, and (made when first needed)
 * the settings and the client. Commands reach everything through it.
 */
public final class Session {
  private final CliEnv env;
  private final GlobalOptions options;
  private ObjectMapper mapper;
  private final OutputStream out;
  private Settings settings;
  private KeapClient client;

  Session(CliEnv env, GlobalOptions options) {
    this.env = env;
    this.options = options;
    this.out = new BufferedOutputStream(env.out(), 1 << 16);
  }

  public CliEnv env() {
    return env;
  }

  /** Made on first use: loading Jackson is a good part of a start-up that --help need not pay. */
  public ObjectMapper mapper() {
    if (mapper == null) {
      mapper = Json.newMapper();
    }
    return mapper;
  }

  public boolean verbose() {
    return options.verbose;
  }

  /** The settings, resolved on first use (so --help and completion need no API key). */
  public Settings settings() {
    if (settings == null) {
      settings = Settings.resolve(options.flags(), env);
    }
    return settings;
  }

  /** The settings if they were resolved, else null (for messages about failures). */
  Settings settingsIfResolved() {
    return settings;
  }

  public KeapClient client() {
    if (client == null) {
      Settings s = settings();
      client = new KeapClientFactory(env, s, options.verbose).build();
    }
    return client;
  }

  /** Keap's API at the JSON level, through the configured target. */
  public JsonApi api() {
    return client().api();
  }

  /** The gateway's connections; a configuration failure when the target is Keap itself. */
  public ConnectionsApi connections() {
    if (settings().target() instanceof Target.Direct) {
      throw CliFailure.config(
          "connections are the gateway's, and keap is set to talk to Keap directly"
              + " (a token came from " + settings().source("token") + ")",
          "unset KEAP_TOKEN (or drop --token, or pick a profile without a token) to use the gateway");
    }
    return client().connections();
  }

  /** The gateway's triggers; a configuration failure when the target is Keap itself. */
  public TriggersApi triggers() {
    if (settings().target() instanceof Target.Direct) {
      throw CliFailure.config(
          "triggers are the gateway's, and keap is set to talk to Keap directly"
              + " (a token came from " + settings().source("token") + ")",
          "unset KEAP_TOKEN (or drop --token, or pick a profile without a token) to use the gateway");
    }
    return client().triggers();
  }

  /** The connection named with --connection (or KEAP_CONNECTION, or the profile), or null. */
  public String connectionId() {
    return settings().target() instanceof Target.Gateway g ? g.connectionId() : null;
  }

  /** The format asked for, else the default: a table on a terminal; otherwise JSON (JSON lines for a list). */
  public OutputFormat format(boolean list) {
    OutputFormat f = options.explicitFormat();
    if (f != null) {
      return f;
    }
    if (env.terminal().stdout()) {
      return OutputFormat.TABLE;
    }
    return list ? OutputFormat.JSONL : OutputFormat.JSON;
  }

  /** Standard output, buffered (flushed when the command ends); for writers of raw bytes. */
  public OutputStream out() {
    return out;
  }

  public Output output(boolean list) {
    return new Output(out, format(list), mapper());
  }

  /** Output for raw answers: the format asked for, else JSON even on a terminal. */
  public Output rawOutput() {
    OutputFormat f = options.explicitFormat();
    return new Output(out, f == null ? OutputFormat.JSON : f, mapper());
  }

  /**
   * The columns asked for with --columns, else these for a table, else none (CSV then has every
   * field of the first item: an export wants the data, a table a summary).
   */
  public List<Column> columns(List<Column> tableDefaults) {
    if (options.columns != null) {
      return Column.parseList(options.columns);
    }
    return format(true) == OutputFormat.TABLE ? tableDefaults : null;
  }

  /** A progress line for a long list (drawn only when stderr is a terminal). */
  public Progress progress(String noun) {
    return new Progress(env.err(), env.clock(), env.terminal().stderr(), noun);
  }

  /** A JSON body from --data. */
  public JsonNode data(String arg, boolean requireObject) {
    return DataArg.read(arg, env.in(), mapper(), requireObject);
  }

  /** A remark for a person (stderr, and only on a terminal): never data. */
  public void tell(String message) {
    if (env.terminal().stderr()) {
      env.err().println(message);
    }
  }

  /**
   * Asks before doing something that cannot be undone: only when a person is at the terminal
   * (stdin and stderr) and --yes was not given; otherwise the answer is yes.
   */
  public boolean confirm(String question) {
    if (options.yes || !env.terminal().stdin() || !env.terminal().stderr()) {
      return true;
    }
    env.err().print(question + " [y/N] ");
    env.err().flush();
    try {
      String line =
          new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
      return line != null && line.strip().toLowerCase(Locale.ROOT).startsWith("y");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether whoever reads stdout has gone (e.g. {@code keap ... | head}): a PrintStream swallows
   * the broken pipe, so long lists ask after each page and stop instead of fetching on.
   */
  public boolean stdoutGone() {
    flush();
    return env.out().checkError();
  }

  void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      // stdout closed early (e.g. piped into head): nothing left to tell anyone
    }
  }
}
