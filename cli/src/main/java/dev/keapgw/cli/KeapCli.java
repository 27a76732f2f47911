package dev.keapgw.cli;

import dev.keapgw.cli.commands.ApiCommand;
import dev.keapgw.cli.commands.ConnectionCommands;
import dev.keapgw.cli.commands.MoreCommands;
import dev.keapgw.cli.commands.TriggerCommands;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code keap}: Keap's CRM from the command line, through a keap-gateway (or straight to Keap).
 * Data goes to stdout, everything else to stderr; the exit codes are in {@link ExitCodes}.
 */
@Command(
    name = "keap",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = KeapCli.Version.class,
    sortOptions = false,
    description = {
      "Keap's CRM from the command line, through a keap-gateway (or straight to Keap).",
      "Needs MATON_API_KEY (and KEAP_GATEWAY_URL unless the gateway is at http://localhost:8080).",
      "Data goes to stdout; messages, prompts and progress to stderr."
    },
    footer = {
      "",
      "Examples:",
      "  keap contacts list --filter 'given_name==Jo*' --order-by 'email asc'",
      "  keap contacts list --all -o jsonl > contacts.jsonl",
      "  keap contacts create --data '{\"given_name\":\"Jo\",\"email_addresses\":[{\"email\":\"jo@example.com\",\"field\":\"EMAIL1\"}]}'",
      "  keap tags apply 7 --contacts 1,2,3",
      "  keap api GET /v2/contacts/1",
      "",
      "Exit codes: 0 ok, 1 failed, 2 usage, 3 configuration, 4 authentication,",
      "  5 not found, 6 rejected, 7 rate limited, 8 connection not ready,",
      "  9 server error, 10 unreachable. See docs/CLIENT.md."
    })
public final class KeapCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    int code = run(args, CliEnv.system());
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. */
  public static int run(String[] args, CliEnv env) {
    GlobalOptions options = new GlobalOptions();
    Session session = new Session(env, options);
    CommandLine cl = commandLine(session, options, CommandNames.first(args));
    cl.setOut(
        new PrintWriter(new java.io.OutputStreamWriter(env.out(), StandardCharsets.UTF_8), true));
    cl.setErr(
        new PrintWriter(new java.io.OutputStreamWriter(env.err(), StandardCharsets.UTF_8), true));
    cl.setParameterExceptionHandler((e, a) -> {
      session.flush();
      return Problems.report(env, UsageErrors.explain(e, a), options.verbose);
    });
    cl.setExecutionExceptionHandler((e, at, parsed) -> {
      session.flush();
      String resource = Problems.resourceOf(at);
      return Problems.report(
          env, Failures.explain(e, session.settingsIfResolved(), resource), options.verbose);
    });
    int code = cl.execute(args);
    session.flush();
    return code;
  }

  /**
   * The command tree. Building every command costs a good part of start-up, so when the command
   * line names a known command only that one is built, the others standing in as bare names;
   * for help, completion or an unknown word the whole tree is built.
   */
  static CommandLine commandLine(Session session, GlobalOptions options, String command) {
    CommandLine root = new CommandLine(new KeapCli());
    root.addMixin("global", options);
    boolean whole =
        command == null || !CommandNames.TOP.contains(command) || command.equals("completion");
    for (String name : CommandNames.TOP) {
      root.addSubcommand(
          name, whole || name.equals(command) ? build(name, session) : placeholder(name));
    }
    HelpLayout.apply(root);
    return root;
  }

  private static CommandLine build(String name, Session session) {
    return switch (name) {
      case "connections" -> ConnectionCommands.tree(session);
      case "triggers" -> TriggerCommands.tree(session);
      case "userinfo" -> new CommandLine(new MoreCommands.UserInfo(session));
      case "api" -> new CommandLine(new ApiCommand(session));
      case "config" -> new CommandLine(new ConfigCommand(session));
      case "completion" -> new CommandLine(new CompletionCommand());
      default -> MoreCommands.resourceTree(name, session);
    };
  }

  private static CommandLine placeholder(String name) {
    return new CommandLine(CommandSpec.create().name(name));
  }

  /** With no command: the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = KeapCli.class.getPackage().getImplementationVersion();
      return new String[] {"keap " + (v == null ? "(development build)" : v)};
    }
  }
}
