package dev.keapgw.cli;

import dev.keapgw.cli.commands.ResourceSpec;
import dev.keapgw.cli.commands.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The top-level commands, in the order help lists them, and finding the one a command line names. */
final class CommandNames {
  /** Global options that take a value (the value is not a command name). */
  private static final Set<String> WITH_VALUE = Set.of(
      "-o",
      "--output",
      "--columns",
      "--profile",
      "--gateway-url",
      "--api-key",
      "-c",
      "--connection",
      "--token",
      "--keap-url",
      "--timeout");

  static final List<String> TOP;

  static {
    List<String> names = new ArrayList<>();
    names.add("connections");
    names.add("triggers");
    Resources.ALL.stream().map(ResourceSpec::name).forEach(names::add);
    names.addAll(List.of("userinfo", "api", "config", "completion"));
    TOP = List.copyOf(names);
  }

  private CommandNames() {}

  /** The first word of the command line that is not an option or an option's value, or null. */
  static String first(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return i + 1 < args.length ? args[i + 1] : null;
      }
      if (a.startsWith("-")) {
        if (WITH_VALUE.contains(a)) {
          i++;
        }
        continue;
      }
      return a;
    }
    return null;
  }
}
