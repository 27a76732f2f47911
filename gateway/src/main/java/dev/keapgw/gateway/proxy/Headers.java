package dev.keapgw.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the proxy. Hop-by-hop headers (RFC 9110 §7.6.1) and those the
 * {@code Connection} header names never cross in either direction; the caller's
 * {@code Authorization} and {@code Maton-*} headers never reach the upstream; framing
 * ({@code Content-Length}, {@code Transfer-Encoding}) is set by the proxy itself, so both are
 * never sent together.
 */
final class Headers {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
  private static final Set<String> NOT_UPSTREAM = Set.of("authorization", "host", "content-length", "expect",
      "x-request-id");
  private static final Set<String> NOT_DOWNSTREAM = Set.of("content-length", "x-request-id");

  private Headers() {}

  /** Copies the caller's headers that may go upstream. */
  static void toUpstream(MultiMap from, MultiMap to) {
    Set<String> dropped = connectionTokens(from);
    from.forEach(e -> {
      String n = e.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(n) && !NOT_UPSTREAM.contains(n) && !n.startsWith("maton-") && !dropped.contains(n)) {
        to.add(e.getKey(), e.getValue());
      }
    });
  }

  /** Copies the upstream's headers that may go back to the caller. */
  static void toCaller(MultiMap from, MultiMap to) {
    Set<String> dropped = connectionTokens(from);
    from.forEach(e -> {
      String n = e.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(n) && !NOT_DOWNSTREAM.contains(n) && !dropped.contains(n)) {
        to.add(e.getKey(), e.getValue());
      }
    });
  }

  private static Set<String> connectionTokens(MultiMap headers) {
    Set<String> out = new HashSet<>();
    for (String v : headers.getAll("connection")) {
      for (String t : v.split(",")) {
        if (!t.isBlank()) {
          out.add(t.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }
}
