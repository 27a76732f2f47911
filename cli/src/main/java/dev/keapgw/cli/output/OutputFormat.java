package dev.keapgw.cli.output;

import java.util.Locale;

/** How {@code keap} writes data on stdout. */
public enum OutputFormat {
  /** Aligned columns for people (the default on a terminal). */
  TABLE,
  /** The object itself, or a list as one JSON array; pretty-printed. */
  JSON,
  /** One compact JSON object per line (the default for lists when stdout is not a terminal). */
  JSONL,
  /** Comma-separated values with a header line. */
  CSV;

  public static OutputFormat parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
