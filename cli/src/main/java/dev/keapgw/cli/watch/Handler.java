package dev.keapgw.cli.watch;

import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The user's program run once per event: {@code /bin/sh -c COMMAND} (so {@code ./handler.sh},
 * {@code python3 handle.py} or a pipeline all work), the event's JSON on its stdin, the event in
 * its environment ({@code KEAP_EVENT_ID}, {@code KEAP_TRIGGER_ID}, {@code KEAP_EVENT_TYPE},
 * {@code KEAP_RECEIVED_AT}), its stdout and stderr passed through to keap's.
 */
public final class Handler {
  private final String command;
  private final Map<String, String> env;
  private final OutputStream out;
  private final OutputStream err;

  /**
   * @param env variables added to the handler's environment (keap's own are inherited)
   */
  public Handler(String command, Map<String, String> env, OutputStream out, OutputStream err) {
    this.command = command;
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
  }

  /** Runs the handler on one event; returns its exit status. */
  public int run(byte[] eventJson, Map<String, String> eventEnv) {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
    pb.environment().putAll(env);
    pb.environment().putAll(eventEnv);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "cannot start the handler (" + e.getMessage() + ")",
          "check that /bin/sh exists and --exec names a program",
          e);
    }
    Thread copyOut = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
    Thread copyErr = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(eventJson);
      stdin.write('\n');
    } catch (IOException e) {
      // the handler did not read its stdin (it may not need it): its exit status decides
    }
    try {
      int status = p.waitFor();
      copyOut.join();
      copyErr.join();
      return status;
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILED, "interrupted while the handler ran", null, e);
    }
  }

  private static void copy(InputStream from, OutputStream to) {
    try (from) {
      byte[] buffer = new byte[8192];
      for (int n; (n = from.read(buffer)) > 0; ) {
        synchronized (to) {
          to.write(buffer, 0, n);
          to.flush();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
