package dev.keapgw.cli;

import dev.keapgw.cli.commands.Resources;
import picocli.CommandLine;

/** Writes a failure on stderr (the problem, then the fix) and gives its exit code. */
final class Problems {
  private Problems() {}

  static int report(CliEnv env, CliFailure f, boolean verbose) {
    env.err().println("keap: " + f.getMessage());
    if (f.fix() != null) {
      env.err().println("  fix: " + f.fix());
    }
    if (verbose && f.getCause() != null) {
      f.getCause().printStackTrace(env.err());
    }
    env.err().flush();
    return f.exitCode();
  }

  /**
   * The resource a command is about ({@code contacts} for {@code keap contacts get}), or null when
   * it is about none ({@code keap api}, {@code keap config}): hints name {@code keap <resource> list},
   * which only a resource has.
   */
  static String resourceOf(CommandLine at) {
    CommandLine c = at;
    while (c != null && c.getParent() != null && c.getParent().getParent() != null) {
      c = c.getParent();
    }
    String name = c == null || c.getParent() == null ? null : c.getCommandName();
    return Resources.ALL.stream().anyMatch(r -> r.name().equals(name)) ? name : null;
  }
}
