package dev.keapgw.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How {@code keap}'s help is laid out. Picocli's own layout breaks long lines wherever Java's line
 * breaker allows, which splits a URL after {@code http:} or a JSON example after a comma, and it
 * repeats the global options under every command. Here text wraps at spaces only (a word longer
 * than the line stays whole), examples in a footer are printed as written, and a command below
 * the top lists its own options and names the global ones in one line.
 */
final class HelpLayout {
  static final int WIDTH = 80;
  private static final int LEFT = 27;
  private static final String GLOBAL = "globalOptions";

  private HelpLayout() {}

  /** Lays out the help of {@code root} and every command under it. */
  static void apply(CommandLine root) {
    root.setHelpFactory(OwnOptionsHelp::new);
    apply(root, true);
  }

  private static void apply(CommandLine cl, boolean top) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
        h -> wrapped(List.of(h.commandSpec().usageMessage().description()), ""));
    // keap's footer (its examples) is inherited by every command with the rest of its usage
    // attributes
    List<String> rootFooter = List.of(cl.getCommandSpec().root().usageMessage().footer());
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, h -> {
      List<String> footer = List.of(h.commandSpec().usageMessage().footer());
      return !top && footer.equals(rootFooter) ? "" : lines(footer);
    });
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
    if (!top) {
      sections.put(
          GLOBAL,
          h -> wrapped(
              List.of("Global options: see keap --help (" + globalNames(h.commandSpec()) + ")."),
              ""));
      List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
      keys.remove(GLOBAL);
      keys.add(
          keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, GLOBAL);
      cl.setHelpSectionKeys(keys);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      apply(sub, false);
    }
  }

  private static String options(Help h) {
    StringBuilder out = new StringBuilder();
    for (OptionSpec o : own(h.commandSpec())) {
      String names = (o.names()[0].length() == 2 ? "  " : "      ")
          + String.join(", ", o.names())
          + (o.arity().max() > 0 ? "=" + o.paramLabel() : "");
      row(out, names, String.join(" ", o.description()));
    }
    return out.toString();
  }

  private static String parameters(Help h) {
    StringBuilder out = new StringBuilder();
    for (PositionalParamSpec p : h.commandSpec().positionalParameters()) {
      if (!p.hidden()) {
        row(out, "      " + p.paramLabel(), String.join(" ", p.description()));
      }
    }
    return out.toString();
  }

  /** A name column, then the description wrapped beside it (below it when the name is long). */
  private static void row(StringBuilder out, String name, String description) {
    String indent = " ".repeat(LEFT);
    List<String> text = wrap(description, WIDTH - LEFT);
    if (text.isEmpty()) {
      out.append(name).append('\n');
      return;
    }
    if (name.length() > LEFT - 2) {
      out.append(name).append('\n');
      text.forEach(l -> out.append(indent).append(l).append('\n'));
      return;
    }
    out.append(name).append(" ".repeat(LEFT - name.length()));
    for (int i = 0; i < text.size(); i++) {
      out.append(i == 0 ? "" : indent).append(text.get(i)).append('\n');
    }
  }

  /** Options of this command, less those it inherits from {@code keap}. */
  private static List<OptionSpec> own(CommandSpec spec) {
    return spec.options().stream().filter(o -> !o.hidden() && !o.inherited()).toList();
  }

  private static String globalNames(CommandSpec spec) {
    return String.join(
        ", ",
        spec.options().stream()
            .filter(OptionSpec::inherited)
            .map(OptionSpec::longestName)
            .toList());
  }

  private static String lines(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  private static String wrapped(List<String> paragraphs, String indent) {
    StringBuilder out = new StringBuilder();
    for (String p : paragraphs) {
      String lead = p.substring(0, p.length() - p.stripLeading().length());
      for (String line : wrap(p.strip(), WIDTH - lead.length())) {
        out.append(indent).append(lead).append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** Lines of at most {@code width} characters, broken at spaces only. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Picocli's help, with a synopsis that leaves out the inherited global options below {@code keap}. */
  private static final class OwnOptionsHelp extends Help {
    OwnOptionsHelp(CommandSpec spec, Help.ColorScheme scheme) {
      super(spec, scheme);
    }

    @Override
    protected Help.Ansi.Text createDetailedSynopsisOptionsText(
        Collection<ArgSpec> done,
        List<OptionSpec> options,
        Comparator<OptionSpec> sort,
        boolean cluster) {
      List<OptionSpec> shown = commandSpec().parent() == null
          ? options
          : options.stream().filter(o -> !o.inherited()).toList();
      return super.createDetailedSynopsisOptionsText(done, shown, sort, cluster);
    }
  }
}
