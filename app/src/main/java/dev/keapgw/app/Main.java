package dev.keapgw.app;

import dev.keapgw.gateway.StartFailure;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one runnable jar: {@code keap-gateway <command> [options]}. Exit codes: 0 done, 1 the
 * command failed (one line on stderr says why), 2 a usage error (one line naming the option).
 */
@Command(
    name = "keap-gateway",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Reach Keap's CRM API with one API key while the gateway runs OAuth.",
      "Start with 'keap-gateway demo': the gateway in front of a Keap sandbox, ready to call."
    },
    subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(System.getenv(), Lifetimes.untilStopped(), out, err).execute(args));
  }

  /** With no command: the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The whole command tree, reading {@code env} for options not given as flags; each command
   * that runs a server hands it to its lifetime in {@code lifetimes}.
   */
  static CommandLine commandLine(
      Map<String, String> env, Lifetimes lifetimes, PrintWriter out, PrintWriter err) {
    String gw = ServeCommand.ENV_PREFIX;
    CommandLine root = new CommandLine(new Main())
        .addSubcommand(withDefaults(
            new CommandLine(new DemoCommand(lifetimes.demo(), env)),
            new EnvDefaults(gw, env, DemoCommand.builtInDefaults())))
        .addSubcommand(withDefaults(
            new CommandLine(new ServeCommand(lifetimes.serve())),
            new EnvDefaults(gw, env, ServeCommand.builtInDefaults())))
        .addSubcommand(withDefaults(
            new CommandLine(new AdminCommand()),
            new EnvDefaults(
                    gw, env, AdminTarget.builtInDefaults(), Set.of("--url", "--admin-token"))
                .renaming(AdminTarget.VARIABLES)))
        .addSubcommand(withDefaults(
            new CommandLine(new SandboxCommand(lifetimes.sandbox())),
            new EnvDefaults(SandboxCommand.ENV_PREFIX, env, SandboxCommand.builtInDefaults())));
    root.setOut(out).setErr(err);
    root.setParameterExceptionHandler((e, args) -> usageError(e, args, err));
    root.setExecutionExceptionHandler((e, cl, parsed) -> failure(e, cl, err));
    return root;
  }

  /** A command (and every command under it) with its defaults. */
  private static CommandLine withDefaults(CommandLine command, EnvDefaults defaults) {
    return command.setDefaultValueProvider(defaults);
  }

  private static int usageError(ParameterException e, String[] args, PrintWriter err) {
    String message = e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
    CommandLine at = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException
        && at.getParent() == null
        && args.length > 0
        && !args[0].startsWith("-")) {
      message = "there is no command '" + args[0] + "'; the commands are "
          + String.join(", ", at.getSubcommands().keySet());
    }
    if (e.getArgSpec() instanceof OptionSpec o
        && at.getDefaultValueProvider() instanceof EnvDefaults defaults
        && defaults.fromEnv(o.longestName()) != null
        && Arrays.stream(args)
            .noneMatch(a -> a.equals(o.longestName()) || a.startsWith(o.longestName() + "="))) {
      message += " (from the environment variable " + defaults.variable(o.longestName()) + ")";
    }
    err.println(at.getCommandSpec().qualifiedName() + ": " + message + "; see --help");
    return 2;
  }

  /**
   * A command that could not do its job: one line saying why (two for a failure nobody
   * foresaw), never a stack trace, exit code 1.
   */
  private static int failure(Exception e, CommandLine cl, PrintWriter err) {
    String name = cl.getCommandSpec().qualifiedName();
    if (e instanceof CommandFailure || e instanceof StartFailure) {
      err.println(name + ": " + e.getMessage());
    } else if (e instanceof IllegalStateException
        || e instanceof IllegalArgumentException
        || e instanceof UncheckedIOException) {
      String message = e.getMessage();
      Throwable cause = e.getCause();
      if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
        message += ": " + cause.getMessage();
      }
      err.println(name + ": " + oneLine(message));
    } else {
      LOG.debug("unexpected failure", e);
      err.println(name + ": unexpected failure: " + oneLine(String.valueOf(e)));
      err.println("Please report it, with the command that caused it.");
    }
    return 1;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** The version from the jar's manifest ({@code dev} when run from classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"keap-gateway " + (v == null ? "dev" : v)};
    }
  }
}
