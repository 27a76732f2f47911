package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The launcher's log lines carry the access log's timestamp (UTC, ISO-8601, milliseconds,
 * {@code 2026-11-26T20:54:20.618Z}), so that the two logs of one process read as one.
 */
class LogFormatTest {
  @Test
  void logLinesStartWithTheAccessLogsTimestamp() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator config = new JoranConfigurator();
      config.setContext(context);
      config.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      context.getLogger("dev.keapgw.app.demo.Demo").info("demo ready: gateway {}", "http://localhost:8080");
    } finally {
      context.stop();
      System.setOut(stdout);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  Demo - demo ready: gateway http://localhost:8080\\R");
  }
}
