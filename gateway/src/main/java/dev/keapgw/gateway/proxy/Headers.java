package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.proxy.upstream.UpstreamAnswer;
import dev.keapgw.gateway.proxy.upstream.UpstreamRequest;
import io.vertx.core.MultiMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers cross the proxy. Hop-by-hop headers (RFC 9110 §7.6.1) and those the
 * {@code Connection} header names never cross in either direction; the caller's
 * {@code Authorization}, {@code X-Keap-API-Key} and {@code Maton-*} headers never reach the upstream; framing
 * ({@code Content-Length}, {@code Transfer-Encoding}) is set by the proxy itself, so both are
 * never sent together. A caller's header that cannot be sent on as it is is dropped
 * ({@link UpstreamRequest#addIfSendable}).
 */
final class Headers {
  private static final Names HOP_BY_HOP = new Names(
      "connection",
      "keep-alive",
      "proxy-connection",
      "proxy-authenticate",
      "proxy-authorization",
      "te",
      "trailer",
      "trailers",
      "transfer-encoding",
      "upgrade");
  /** The gateway owns the upstream's credentials: a caller's Keap API key never reaches Keap either. */
  private static final Names NOT_UPSTREAM = new Names(
      "authorization", "host", "content-length", "expect", "x-request-id", "x-keap-api-key");

  private static final Names NOT_DOWNSTREAM = new Names("content-length", "x-request-id");

  /**
   * A fixed set of header names, matched ignoring ASCII case in place: names are grouped by
   * length, so most headers are answered by one array lookup, without lower-casing or hashing.
   */
  static final class Names {
    private final String[][] byLength;

    /** @param names in lower case */
    Names(String... names) {
      int longest = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
      byLength = new String[longest + 1][];
      for (int len = 0; len <= longest; len++) {
        final int l = len;
        String[] same = Arrays.stream(names).filter(n -> n.length() == l).toArray(String[]::new);
        byLength[len] = same.length == 0 ? null : same;
      }
    }

    boolean contains(CharSequence name) {
      int len = name.length();
      String[] candidates = len < byLength.length ? byLength[len] : null;
      if (candidates != null) {
        for (String c : candidates) {
          if (sameIgnoringCase(c, name)) {
            return true;
          }
        }
      }
      return false;
    }

    /** {@code lower} (lower case) and {@code name}, of the same length, alike but for ASCII case. */
    private static boolean sameIgnoringCase(String lower, CharSequence name) {
      for (int i = 0; i < lower.length(); i++) {
        char c = name.charAt(i);
        if (c != lower.charAt(i) && (c < 'A' || c > 'Z' || c + ('a' - 'A') != lower.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private Headers() {}

  /** Adds to {@code to} the caller's headers that may go upstream. */
  static void toUpstream(MultiMap from, UpstreamRequest to) {
    Set<String> dropped = connectionTokens(from.getAll("connection"));
    for (Map.Entry<String, String> e : from) {
      String n = e.getKey();
      if (!HOP_BY_HOP.contains(n)
          && !NOT_UPSTREAM.contains(n)
          && !n.regionMatches(true, 0, "maton-", 0, 6)
          && !dropped.contains(n)) {
        to.addIfSendable(n, e.getValue());
      }
    }
  }

  /**
   * Copies the upstream's headers that may go back to the caller, as the characters they arrived
   * in: the HTTP decoder has checked them, so they are neither turned into strings nor checked again.
   */
  static void toCaller(UpstreamAnswer from, MultiMap to) {
    Set<String> dropped = connectionTokens(from.headerValues("connection"));
    for (Map.Entry<CharSequence, CharSequence> e : from.headers()) {
      CharSequence n = e.getKey();
      if (!HOP_BY_HOP.contains(n)
          && !NOT_DOWNSTREAM.contains(n)
          && (dropped.isEmpty() || !dropped.contains(n.toString()))) {
        to.add(n, e.getValue());
      }
    }
  }

  /** The header names the {@code Connection} header lists, beyond the hop-by-hop ones every proxy drops. */
  static Set<String> connectionTokens(List<String> values) {
    if (values.isEmpty()) {
      return Set.of();
    }
    Set<String> out = null;
    for (String v : values) {
      for (String t : v.split(",")) {
        String name = t.trim();
        if (name.isEmpty() || name.equalsIgnoreCase("close") || HOP_BY_HOP.contains(name)) {
          continue; // nearly always: "keep-alive" or "close"
        }
        if (out == null) {
          out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        }
        out.add(name);
      }
    }
    return out == null ? Set.of() : out;
  }
}
