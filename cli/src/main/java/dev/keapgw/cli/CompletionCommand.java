package dev.keapgw.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keap completion}: the bash (and zsh, through bashcompinit) completion script. */
@Command(
    name = "completion",
    description = "Print the shell completion script for bash and zsh.",
    footer = {
      "",
      "Examples:",
      "  source <(keap completion)          # this shell",
      "  keap completion > ~/.local/share/bash-completion/completions/keap"
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("keap", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
