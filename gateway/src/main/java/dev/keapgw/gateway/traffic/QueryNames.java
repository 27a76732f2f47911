package dev.keapgw.gateway.traffic;

/**
 * A query string reduced to its parameter names ({@code page_size=2&filter=x} becomes
 * {@code page_size=…&filter=…}): what a request asked for without the values, which can carry
 * personal data. At most 200 characters.
 */
final class QueryNames {
  static final String HIDDEN = "\u2026";

  private QueryNames() {}

  static String of(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(query.length(), 64));
    int i = 0;
    while (i < query.length() && b.length() < 200) {
      int amp = query.indexOf('&', i);
      int end = amp < 0 ? query.length() : amp;
      int eq = query.indexOf('=', i);
      int nameEnd = eq >= 0 && eq < end ? eq : end;
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(query, i, Math.min(nameEnd, i + 64));
      if (nameEnd < end) {
        b.append('=').append(HIDDEN);
      }
      i = end + 1;
    }
    return b.toString();
  }
}
