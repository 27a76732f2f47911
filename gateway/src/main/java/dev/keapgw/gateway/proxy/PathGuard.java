package dev.keapgw.gateway.proxy;

/**
 * Refuses data-plane paths that could make the upstream serve something other than what the
 * path says: dot segments, empty segments, encoded slashes or backslashes, encoded dots, and
 * control characters. Keap's own paths never contain any of them. It looks at every path the
 * gateway forwards, so it reads the path once and allocates nothing.
 */
final class PathGuard {
  static final String NOT_ABSOLUTE = "the path must start with /";
  static final String TOO_LONG = "the path is too long";
  static final String ENCODED = "encoded slashes, backslashes and dots are not allowed in the path";
  static final String CONTROL =
      "control characters, spaces and backslashes are not allowed in the path";
  static final String SEGMENT = "empty, '.' and '..' path segments are not allowed";

  private PathGuard() {}

  /** Why the path is refused, or null when it may be forwarded. */
  static String problem(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return NOT_ABSOLUTE;
    }
    int n = rawPath.length();
    if (n > 8192) {
      return TOO_LONG;
    }
    boolean control = false;
    boolean badSegment = false;
    int segmentStart = 1;
    for (int i = 1; i <= n; i++) {
      char c = i < n ? rawPath.charAt(i) : '/';
      if (c == '\\') {
        return ENCODED;
      }
      if (c == '%' && i + 2 < n && encodedSeparator(rawPath.charAt(i + 1), rawPath.charAt(i + 2))) {
        return ENCODED;
      }
      if (c < 0x21 || c == 0x7f) {
        control = true;
      }
      if (c == '/') {
        int len = i - segmentStart;
        boolean last = i == n;
        if ((len == 0 && !(last && segmentStart > 1))
            || (len == 1 && rawPath.charAt(segmentStart) == '.')
            || (len == 2
                && rawPath.charAt(segmentStart) == '.'
                && rawPath.charAt(segmentStart + 1) == '.')) {
          badSegment = true;
        }
        segmentStart = i + 1;
      }
    }
    return control ? CONTROL : badSegment ? SEGMENT : null;
  }

  /** {@code %2f}, {@code %5c} or {@code %2e} in either case: an encoded '/', '\' or '.'. */
  private static boolean encodedSeparator(char hi, char lo) {
    char l = Character.toLowerCase(lo);
    return (hi == '2' && (l == 'f' || l == 'e')) || (hi == '5' && l == 'c');
  }
}
