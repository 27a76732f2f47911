package dev.keapgw.gateway.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Stored times are epoch microseconds; these convert, keeping null as null. */
public final class Times {
  private Times() {}

  public static Long micros(Instant t) {
    return t == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  public static Instant instant(Long micros) {
    return micros == null ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
