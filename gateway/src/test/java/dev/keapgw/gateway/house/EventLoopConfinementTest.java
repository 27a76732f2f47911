package dev.keapgw.gateway.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rule of the house (docs/ARCHITECTURE.md), checked on the sources: Netty's types and
 * Vert.x's internal APIs appear only in {@code proxy.upstream} (the upstream client) and
 * {@code http} (the listener). Everything else works with the gateway's own types and Vert.x's
 * public API, so the machinery of the event loop can change behind those two doors. (The proxy
 * forwards with {@code proxy.upstream}'s own request and answer types; no file is excepted.)
 */
@Tag("unit")
class EventLoopConfinementTest {
  static final Path SOURCES = Path.of("src/main/java/dev/keapgw/gateway");
  static final Pattern MACHINERY = Pattern.compile(
      "\\bio\\.netty\\.|\\bio\\.vertx\\.core\\.(internal|impl|net\\.impl|http\\.impl)\\.");
  static final List<String> DOORS = List.of("proxy/upstream/", "http/");

  @Test
  void nettyAndVertxInternalsStayInTheUpstreamClientAndTheListener() throws IOException {
    Set<String> offenders = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = SOURCES.relativize(f).toString().replace('\\', '/');
        if (DOORS.stream().noneMatch(rel::startsWith)
            && MACHINERY.matcher(Files.readString(f)).find()) {
          offenders.add(rel);
        }
      }
    }
    assertThat(offenders)
        .as("files outside proxy.upstream and http that use Netty or Vert.x internals")
        .isEmpty();
  }

  @Test
  void theCheckSeesWhatItLooksFor() {
    assertThat(MACHINERY.matcher("import io.netty.buffer.ByteBuf;").find()).isTrue();
    assertThat(
            MACHINERY.matcher("import io.vertx.core.internal.ContextInternal;").find())
        .isTrue();
    assertThat(MACHINERY.matcher("x = new io.vertx.core.http.impl.HttpUtils();").find())
        .isTrue();
    assertThat(MACHINERY.matcher("import io.vertx.core.Future;").find()).isFalse();
    assertThat(Files.isDirectory(SOURCES.resolve("proxy/upstream"))).isTrue();
  }
}
