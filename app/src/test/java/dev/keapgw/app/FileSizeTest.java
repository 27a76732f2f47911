package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rule of the house (docs/ARCHITECTURE.md): no main source file of any module is longer than
 * {@value #MAX_LINES} lines (formatted, as every build leaves them). A file that grows past it
 * is split along a seam of what it does, not cut anywhere.
 */
@Tag("unit")
class FileSizeTest {
  static final int MAX_LINES = 400;
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void noMainSourceFileIsOverTheLimit() throws IOException {
    Map<String, Long> tooLong = new TreeMap<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(FileSizeTest::isMainSource).toList()) {
        seen++;
        long lines;
        try (Stream<String> l = Files.lines(f)) {
          lines = l.count();
        }
        if (lines > MAX_LINES) {
          tooLong.put(ROOT.relativize(f).toString().replace('\\', '/'), lines);
        }
      }
    }
    assertThat(seen).as("main source files found").isGreaterThan(300);
    assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
  }

  private static boolean isMainSource(Path f) {
    String p = f.toString().replace('\\', '/');
    return p.endsWith(".java") && p.contains("/src/main/java/") && !p.contains("/target/");
  }
}
