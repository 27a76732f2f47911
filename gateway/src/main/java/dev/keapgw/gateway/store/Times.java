package dev.keapgw.gateway.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Stored times are epoch microseconds; these convert, keeping null as null. */
public final class Times {
  /** Maton's timestamp format: UTC with exactly six fraction digits, e.g. 2026-02-08T01:34:44.738374Z. */
  private static final DateTimeFormatter ISO_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** A time as callers see it in JSON ({@link #ISO_MICROS}); null stays null. */
  public static String iso(Instant t) {
    return t == null ? null : ISO_MICROS.format(t);
  }

  public static Long micros(Instant t) {
    return t == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  public static Instant instant(Long micros) {
    return micros == null ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
