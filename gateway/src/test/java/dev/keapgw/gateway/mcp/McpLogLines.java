package dev.keapgw.gateway.mcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Waits (generously) for an access-log line, which the log writes every tenth of a second. */
final class McpLogLines {
  private McpLogLines() {}

  static String await(Path file, Predicate<String> match) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        for (String l : Files.readAllLines(file)) {
          if (match.test(l)) {
            return l;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no access-log line matched in " + file);
  }
}
