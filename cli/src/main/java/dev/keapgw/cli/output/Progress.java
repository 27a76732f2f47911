package dev.keapgw.cli.output;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A one-line progress report on stderr for long lists: how many, how fast, and how long is left
 * when the total is known. Drawn only when stderr is a terminal, at most five times a second;
 * a final line says what was done.
 */
public final class Progress {
  private static final Duration EVERY = Duration.ofMillis(200);

  private final PrintStream err;
  private final Clock clock;
  private final boolean enabled;
  private final String noun;
  private final Instant start;
  private Instant lastDraw;
  private Long total;

  public Progress(PrintStream err, Clock clock, boolean enabled, String noun) {
    this.err = err;
    this.clock = clock;
    this.enabled = enabled;
    this.noun = noun;
    this.start = clock.instant();
    this.lastDraw = start;
  }

  /** The same report, switched off (for a single page). */
  public Progress disabled() {
    return new Progress(err, clock, false, noun);
  }

  /** The number of items there will be, once known. */
  public void total(Long total) {
    this.total = total;
  }

  public void update(long count) {
    if (!enabled) {
      return;
    }
    Instant now = clock.instant();
    if (Duration.between(lastDraw, now).compareTo(EVERY) < 0) {
      return;
    }
    lastDraw = now;
    err.print("\r\033[K" + line(count, now));
    err.flush();
  }

  public void done(long count) {
    if (!enabled) {
      return;
    }
    Instant now = clock.instant();
    double secs = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
    err.print("\r\033[K"
        + String.format(
            Locale.ROOT, "%,d %s in %.1f s (%,.0f/s)%n", count, noun, secs, count / secs));
    err.flush();
  }

  /** The text of the line at {@code now}: count, rate, and time left when the total is known. */
  String line(long count, Instant now) {
    double secs = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
    double rate = count / secs;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%,d", count));
    if (total != null && total > 0) {
      b.append(String.format(Locale.ROOT, " of %,d", total));
    }
    b.append(' ')
        .append(noun)
        .append(String.format(Locale.ROOT, "  %,.0f/s  %s", rate, clockTime((long) secs)));
    if (total != null && total > count && rate > 0) {
      b.append("  ").append(clockTime((long) Math.ceil((total - count) / rate))).append(" left");
    }
    return b.toString();
  }

  private static String clockTime(long seconds) {
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
