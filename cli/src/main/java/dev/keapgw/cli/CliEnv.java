package dev.keapgw.cli;

import dev.keapgw.client.Sleeper;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything the command reads from and writes to the world, so tests run it in process with
 * their own environment, streams and terminal.
 *
 * @param env environment variables
 * @param in standard input (for {@code --data @-} and prompts)
 * @param out standard output: data only
 * @param err standard error: messages, prompts and progress
 * @param terminal which streams are terminals
 * @param home the user's home directory (for the profile file)
 * @param clock time for progress rates and connection waits
 * @param sleeper waits between retries and polls
 */
public record CliEnv(
    Map<String, String> env,
    InputStream in,
    PrintStream out,
    PrintStream err,
    Terminal terminal,
    Path home,
    Clock clock,
    Sleeper sleeper) {

  public static CliEnv system() {
    Map<String, String> env = System.getenv();
    return new CliEnv(
        env,
        System.in,
        System.out,
        System.err,
        Terminal.detect(env),
        Path.of(System.getProperty("user.home", ".")),
        Clock.systemUTC(),
        Sleeper.system());
  }

  public String get(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }
}
