package dev.keapgw.gateway.prove;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Every log line the JVM writes while it is open, captured from the root logger as it would be
 * written: logger, level, formatted message, MDC, and the full text of any exception with its
 * causes. Optionally lowers levels (to DEBUG) for the capture, so that what an operator would see
 * with verbose logging is checked too; {@link #close} restores them.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  /** One captured line. */
  record Line(String logger, Level level, String text) {
    @Override
    public String toString() {
      return level + " " + logger + " - " + text;
    }
  }

  private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
  private final Logger root;
  private final java.util.Map<Logger, Level> previous = new java.util.LinkedHashMap<>();

  private LogCapture(Level level, String... loggers) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    setContext(ctx);
    setName("prove-capture");
    start();
    root.addAppender(this);
    if (level != null) {
      previous.put(root, root.getLevel());
      root.setLevel(level);
      for (String name : loggers) {
        Logger l = ctx.getLogger(name);
        previous.put(l, l.getLevel());
        l.setLevel(level);
      }
    }
  }

  /** Captures at the configured levels. */
  static LogCapture capture() {
    return new LogCapture(null);
  }

  /** Captures with the root logger (and these, which have levels of their own) at {@code level} until closed. */
  static LogCapture atLevel(Level level, String... loggers) {
    return new LogCapture(level, loggers);
  }

  @Override
  protected void append(ILoggingEvent e) {
    StringBuilder b =
        new StringBuilder(e.getFormattedMessage() == null ? "" : e.getFormattedMessage());
    if (!e.getMDCPropertyMap().isEmpty()) {
      b.append(" mdc=").append(e.getMDCPropertyMap());
    }
    if (e.getKeyValuePairs() != null) {
      b.append(" kv=").append(e.getKeyValuePairs());
    }
    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      b.append('\n').append(ThrowableProxyUtil.asString(t));
    }
    lines.add(new Line(e.getLoggerName(), e.getLevel(), b.toString()));
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  /** Lines of these loggers only (by name prefix). */
  List<Line> from(String loggerPrefix) {
    return lines.stream().filter(l -> l.logger().startsWith(loggerPrefix)).toList();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    previous.forEach(Logger::setLevel);
    stop();
  }
}
