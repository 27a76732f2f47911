package dev.keapgw.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.Set;

/**
 * Which headers cross the proxy. Hop-by-hop headers (RFC 9110 §7.6.1) and those the
 * {@code Connection} header names never cross in either direction; the caller's
 * {@code Authorization} and {@code Maton-*} headers never reach the upstream; framing
 * ({@code Content-Length}, {@code Transfer-Encoding}) is set by the proxy itself, so both are
 * never sent together.
 */
final class Headers {
  // Case-insensitive sets: a lookup compares in place, without lower-casing every header name.
  private static final Set<String> HOP_BY_HOP = names("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
  private static final Set<String> NOT_UPSTREAM = names("authorization", "host", "content-length", "expect",
      "x-request-id");
  private static final Set<String> NOT_DOWNSTREAM = names("content-length", "x-request-id");

  private static Set<String> names(String... names) {
    java.util.TreeSet<String> set = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(java.util.List.of(names));
    return java.util.Collections.unmodifiableSet(set);
  }

  private Headers() {}

  /** Copies the caller's headers that may go upstream. */
  static void toUpstream(MultiMap from, MultiMap to) {
    Set<String> dropped = connectionTokens(from);
    from.forEach(e -> {
      String n = e.getKey();
      if (!HOP_BY_HOP.contains(n) && !NOT_UPSTREAM.contains(n) && !n.regionMatches(true, 0, "maton-", 0, 6)
          && !dropped.contains(n)) {
        to.add(n, e.getValue());
      }
    });
  }

  /** Copies the upstream's headers that may go back to the caller. */
  static void toCaller(MultiMap from, MultiMap to) {
    Set<String> dropped = connectionTokens(from);
    from.forEach(e -> {
      String n = e.getKey();
      if (!HOP_BY_HOP.contains(n) && !NOT_DOWNSTREAM.contains(n) && !dropped.contains(n)) {
        to.add(n, e.getValue());
      }
    });
  }

  private static Set<String> connectionTokens(MultiMap headers) {
    if (!headers.contains("connection")) {
      return Set.of();
    }
    Set<String> out = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String v : headers.getAll("connection")) {
      for (String t : v.split(",")) {
        if (!t.isBlank()) {
          out.add(t.trim());
        }
      }
    }
    return out;
  }
}
