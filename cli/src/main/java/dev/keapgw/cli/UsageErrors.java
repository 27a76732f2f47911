package dev.keapgw.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Picocli's complaints about the command line, as one message with the fix. */
final class UsageErrors {
  private UsageErrors() {}

  static CliFailure explain(ParameterException e, String[] args) {
    CommandLine at = e.getCommandLine();
    String where = at.getCommandSpec().qualifiedName();
    if (e instanceof UnmatchedArgumentException u
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")
        && !at.getSubcommands().isEmpty()) {
      String word = u.getUnmatched().get(0);
      List<String> suggestions = u.getSuggestions();
      String commands = String.join(", ", at.getSubcommands().keySet());
      String problem =
          "unknown command '" + word + "'" + (at.getParent() == null ? "" : " for " + where);
      String fix = (suggestions.isEmpty() ? "" : "did you mean '" + suggestions.get(0) + "'? ")
          + "the commands are: " + commands;
      return CliFailure.usage(problem, fix);
    }
    if (e.getCause() instanceof CliFailure f) {
      return f;
    }
    String message = e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
    if (message.startsWith("Missing required subcommand")) {
      return CliFailure.usage(
          where + " needs a command",
          "the commands are: " + String.join(", ", at.getSubcommands().keySet()) + " (" + where
              + " --help)");
    }
    return CliFailure.usage(where + ": " + lowerFirst(message), "see " + where + " --help");
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
