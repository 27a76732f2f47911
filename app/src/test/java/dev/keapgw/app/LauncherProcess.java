package dev.keapgw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code keap-gateway} run as its own process, with the JVM flags the launcher script uses, its
 * standard output and error together in one file: for what only a real process shows (what
 * libraries print on their own, exit codes, signals).
 */
final class LauncherProcess implements AutoCloseable {
  private final Process process;
  private final Path output;

  private LauncherProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** {@code keap-gateway} without its arguments: this build's launcher with the JVM flags the script gives. */
  static List<String> command() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(
        java,
        "-Xmx256m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow",
        // the launcher's own logging, not the tests' (several logback-test.xml are on the class
        // path)
        "-Dlogback.configurationFile=logback.xml",
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName());
  }

  static LauncherProcess start(Path output, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(command());
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
    b.environment()
        .keySet()
        .removeIf(k ->
            k.startsWith("KEAPGW_") || k.startsWith("KEAP_SANDBOX_") || k.equals("MATON_API_KEY"));
    b.environment().putAll(env);
    try {
      return new LauncherProcess(b.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to the end (at most two minutes) and returns the exit code. */
  int awaitExit() {
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the process did not end; it printed: " + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits (at most a minute) until the output holds {@code text}. */
  void awaitOutput(String text) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!output().contains(text)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' in the output: " + output());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Sends the signal ({@code TERM}, {@code INT}) to the process. */
  void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
          .inheritIO()
          .start();
      if (kill.waitFor() != 0) {
        throw new AssertionError("kill -" + name + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String output() {
    try {
      return Files.exists(output) ? Files.readString(output) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
