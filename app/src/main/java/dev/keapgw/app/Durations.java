package dev.keapgw.app;

import dev.keapgw.sandbox.SandboxConfig;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line as {@link SandboxConfig#parseDuration} reads them: 5s, 24h, 45d. */
final class Durations implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return SandboxConfig.parseDuration(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** {@code d} in that syntax, in the largest whole unit ({@code 45d}, {@code 90s}), but a day as {@code 24h}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms % units[i] == 0 && !(i == 0 && ms == units[0])) {
        return ms / units[i] + names[i];
      }
    }
    return ms + "ms";
  }
}
