package dev.keapgw.cli.commands;

import dev.keapgw.cli.CliFailure;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --contacts 1,2,3} (or repeated): the contact ids an action applies to. */
final class ContactIdsOption {
  @Option(
      names = "--contacts",
      paramLabel = "IDS",
      required = true,
      split = ",",
      description = "contact ids, comma-separated or repeated")
  List<String> ids = new ArrayList<>();

  List<String> ids() {
    List<String> out = ids.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (out.isEmpty()) {
      throw CliFailure.usage("--contacts names no contact", "e.g. --contacts 1,2,3");
    }
    return out;
  }
}
