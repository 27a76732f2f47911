package dev.keapgw.gateway.proxy;

import java.util.Locale;

/**
 * Refuses data-plane paths that could make the upstream serve something other than what the
 * path says: dot segments, empty segments, encoded slashes or backslashes, encoded dots, and
 * control characters. Keap's own paths never contain any of them.
 */
final class PathGuard {
  private PathGuard() {}

  /** Why the path is refused, or null when it may be forwarded. */
  static String problem(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return "the path must start with /";
    }
    if (rawPath.length() > 8192) {
      return "the path is too long";
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\") || lower.contains("%2e")) {
      return "encoded slashes, backslashes and dots are not allowed in the path";
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x21 || c == 0x7f || c == '\\') {
        return "control characters, spaces and backslashes are not allowed in the path";
      }
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean trailing = i == segments.length - 1 && i > 0;
      if ((seg.isEmpty() && !trailing) || seg.equals(".") || seg.equals("..")) {
        return "empty, '.' and '..' path segments are not allowed";
      }
    }
    return null;
  }
}
