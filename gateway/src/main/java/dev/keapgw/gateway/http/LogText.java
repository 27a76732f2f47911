package dev.keapgw.gateway.http;

/**
 * Text from outside (a query parameter, an upstream's error message) made safe to put in a log
 * line: every character that some reader takes for the end of a line or a control
 * (C0 and C1 controls, DEL, U+2028, U+2029) is written as a {@code \\uXXXX} escape, so one
 * event is always one line and cannot forge another; long text is cut.
 */
public final class LogText {
  /** The longest text kept; longer is cut and marked with "...". */
  public static final int MAX = 200;

  private LogText() {}

  public static String of(String s) {
    if (s == null) {
      return "";
    }
    int n = Math.min(s.length(), MAX);
    StringBuilder b = new StringBuilder(n + 16);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return s.length() > MAX ? b.append("...").toString() : b.toString();
  }
}
