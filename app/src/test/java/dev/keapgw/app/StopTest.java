package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.FreePort;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean stop, on SIGTERM (a service manager) or SIGINT (Ctrl+C), exits 0 and says so. */
@Tag("slow")
class StopTest {
  @Test
  void serveStopsOnSigtermWithExitCodeZero(@TempDir Path tmp) {
    try (LauncherProcess p = LauncherProcess.start(
        tmp.resolve("out.txt"),
        Map.of("KEAPGW_ENCRYPTION_KEY", ServeCommandTest.KEY, "KEAPGW_CLIENT_SECRET", "s"),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(FreePort.find()),
        "--client-id",
        "c",
        "--data-dir",
        tmp.resolve("data").toString(),
        "--access-log",
        "off")) {
      p.awaitOutput("keap-gateway listening on");
      p.signal("TERM");
      assertThat(p.awaitExit()).as(p.output()).isZero();
      assertThat(p.output()).contains("keap-gateway stopped.");
    }
  }

  @Test
  void sandboxStopsOnSigintWithExitCodeZero(@TempDir Path tmp) {
    try (LauncherProcess p = LauncherProcess.start(
        tmp.resolve("out.txt"),
        Map.of(),
        "sandbox",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(FreePort.find()),
        "--tenants",
        "1")) {
      p.awaitOutput("Stop with");
      p.signal("INT");
      assertThat(p.awaitExit()).as(p.output()).isZero();
      assertThat(p.output()).contains("Keap sandbox stopped.");
    }
  }
}
