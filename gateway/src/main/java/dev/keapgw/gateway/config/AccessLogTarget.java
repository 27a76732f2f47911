package dev.keapgw.gateway.config;

import java.nio.file.Path;

/**
 * Where the data plane's access log goes: standard output (the default), a file that is appended
 * to, or nowhere.
 *
 * @param enabled false when the access log is off
 * @param file the file to append to; null for standard output
 */
public record AccessLogTarget(boolean enabled, Path file) {
  public static final AccessLogTarget STDOUT = new AccessLogTarget(true, null);
  public static final AccessLogTarget OFF = new AccessLogTarget(false, null);

  public static AccessLogTarget file(Path file) {
    return new AccessLogTarget(true, file);
  }

  /** {@code stdout}, {@code off}, or the path of a file. */
  public static AccessLogTarget parse(String s) {
    String v = s == null ? "" : s.trim();
    if (v.isEmpty() || v.equals("stdout") || v.equals("-")) {
      return STDOUT;
    }
    if (v.equals("off")) {
      return OFF;
    }
    return file(Path.of(v));
  }

  @Override
  public String toString() {
    return !enabled ? "off" : file == null ? "stdout" : file.toString();
  }
}
