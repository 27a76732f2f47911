package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The launcher's log lines carry the access log's timestamp (UTC, ISO-8601, milliseconds,
 * {@code 2026-11-26T20:54:20.618Z}), so that the two logs of one process read as one.
 */
@Tag("unit")
class LogFormatTest {
  @Test
  void logLinesStartWithTheAccessLogsTimestamp() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator config = new JoranConfigurator();
    config.setContext(context);
    config.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    Logger logger = context.getLogger("dev.keapgw.app.demo.Demo");
    Appender<ILoggingEvent> out = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT");
    Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) out).getEncoder();
    String line = new String(
        encoder.encode(new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "demo ready: gateway {}",
            null,
            new Object[] {"http://localhost:8080"})),
        StandardCharsets.UTF_8);
    context.stop();
    assertThat(line)
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  Demo - demo ready: gateway http://localhost:8080\\R");
  }
}
