package dev.keapgw.app;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option that is not on the command line takes its value: the environment variable
 * {@code <prefix><NAME>} (for {@code --seed-contacts} and prefix {@code KEAP_SANDBOX_}:
 * {@code KEAP_SANDBOX_SEED_CONTACTS}), else the built-in default. Flags therefore win over
 * the environment, and the environment over the defaults. A few options take a variable shared
 * with other programs instead ({@link #renaming}).
 */
final class EnvDefaults implements IDefaultValueProvider {
  private final String prefix;
  private final Map<String, String> env;
  private final Map<String, String> builtIn;
  private final Set<String> envOptions;
  private final Map<String, String> renamed;

  /** @param builtIn defaults by long option name (e.g. {@code --port}); absent means none */
  EnvDefaults(String prefix, Map<String, String> env, Map<String, String> builtIn) {
    this(prefix, env, builtIn, null);
  }

  /**
   * @param envOptions the only options the environment may set (long names), such as a connection's
   *     {@code --url} but not a one-off {@code --name}; null for every option
   */
  EnvDefaults(
      String prefix, Map<String, String> env, Map<String, String> builtIn, Set<String> envOptions) {
    this(prefix, env, builtIn, envOptions, Map.of());
  }

  private EnvDefaults(
      String prefix,
      Map<String, String> env,
      Map<String, String> builtIn,
      Set<String> envOptions,
      Map<String, String> renamed) {
    this.prefix = prefix;
    this.env = env;
    this.builtIn = builtIn;
    this.envOptions = envOptions;
    this.renamed = renamed;
  }

  /**
   * The same defaults, with some options read from a variable of another name (by long option
   * name), e.g. {@code --url} from {@code KEAP_GATEWAY_URL}, the variable the {@code keap} command reads too.
   */
  EnvDefaults renaming(Map<String, String> variables) {
    return new EnvDefaults(prefix, env, builtIn, envOptions, Map.copyOf(variables));
  }

  /** Whether the environment may set this option. */
  boolean readsEnv(String longName) {
    return envOptions == null || envOptions.contains(longName);
  }

  /** The environment variable that stands for an option, such as {@code KEAP_SANDBOX_PORT}. */
  String variable(String longName) {
    String named = renamed.get(longName);
    if (named != null) {
      return named;
    }
    return prefix + longName.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The environment's value for an option, or null. */
  String fromEnv(String longName) {
    if (!readsEnv(longName)) {
      return null;
    }
    String v = env.get(variable(longName));
    return v == null || v.isBlank() ? null : v.trim();
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    String v = fromEnv(option.longestName());
    return v != null ? v : builtIn.get(option.longestName());
  }
}
