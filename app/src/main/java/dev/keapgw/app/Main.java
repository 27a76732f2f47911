package dev.keapgw.app;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
@Command(name = "keap-gateway", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Reach Keap's CRM API with one API key while the gateway runs OAuth.",
        "Today the Keap sandbox (an emulator of Keap) is what exists; the gateway comes next."},
    subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(System.getenv(), untilStopped(), out, err).execute(args));
  }

  /** With no command: the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The whole command tree, reading {@code env} for options not given as flags; the sandbox
   * command hands its started sandbox to {@code lifetime}.
   */
  static CommandLine commandLine(Map<String, String> env, SandboxCommand.Lifetime lifetime,
      PrintWriter out, PrintWriter err) {
    EnvDefaults defaults = new EnvDefaults(SandboxCommand.ENV_PREFIX, env, SandboxCommand.builtInDefaults());
    CommandLine sandbox = new CommandLine(new SandboxCommand(lifetime)).setDefaultValueProvider(defaults);
    CommandLine root = new CommandLine(new Main()).addSubcommand(sandbox);
    root.setOut(out).setErr(err);
    root.setParameterExceptionHandler((e, args) -> usageError(e, args, defaults, err));
    root.setExecutionExceptionHandler((e, cl, parsed) -> failure(e, cl, err));
    return root;
  }

  private static int usageError(ParameterException e, String[] args, EnvDefaults defaults, PrintWriter err) {
    String message = e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
    CommandLine at = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException && at.getParent() == null && args.length > 0
        && !args[0].startsWith("-")) {
      message = "there is no command '" + args[0] + "'; the commands are "
          + String.join(", ", at.getSubcommands().keySet());
    }
    if (e.getArgSpec() instanceof OptionSpec o && defaults.fromEnv(o.longestName()) != null
        && Arrays.stream(args).noneMatch(a -> a.equals(o.longestName()) || a.startsWith(o.longestName() + "="))) {
      message += " (from the environment variable " + defaults.variable(o.longestName()) + ")";
    }
    err.println(at.getCommandSpec().qualifiedName() + ": " + message
        + "; see --help");
    return 2;
  }

  private static int failure(Exception e, CommandLine cl, PrintWriter err) {
    String name = cl.getCommandSpec().qualifiedName();
    if (e instanceof IllegalStateException || e instanceof IllegalArgumentException
        || e instanceof UncheckedIOException) {
      String message = e.getMessage();
      Throwable cause = e.getCause();
      if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
        message += ": " + cause.getMessage();
      }
      err.println(name + ": " + message);
    } else {
      err.println(name + ": unexpected failure, please report it");
      e.printStackTrace(err);
    }
    return 1;
  }

  /** The real lifetime: run until the process is stopped, closing the sandbox on the way out. */
  static SandboxCommand.Lifetime untilStopped() {
    return sandbox -> {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        sandbox.close();
        System.out.println("Keap sandbox stopped.");
      }, "sandbox-shutdown"));
      new CountDownLatch(1).await();
    };
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
