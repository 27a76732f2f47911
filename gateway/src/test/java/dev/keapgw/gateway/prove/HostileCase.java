package dev.keapgw.gateway.prove;

import java.nio.charset.StandardCharsets;

/**
 * One hostile request as raw bytes, and what may come of it.
 *
 * @param label a readable summary (shown when the case fails)
 * @param bytes exactly what goes on the wire
 * @param forwardToken the access token the upstream must see when the request reaches it; null
 *     when the request must not reach the upstream at all (no valid key, another account's
 *     connection, a control-plane request)
 * @param upstreamTarget the request target the upstream must see, byte for byte (as ISO-8859-1
 *     text), when it is known; null when the case does not predict it
 * @param oddVersion the request line names an HTTP version other than 1.0 and 1.1, which the
 *     HTTP server itself may refuse with 501 or 505 (RFC 9110 §15.6.6)
 */
record HostileCase(
    String label, byte[] bytes, String forwardToken, String upstreamTarget, boolean oddVersion) {
  static HostileCase of(String label, String request, String forwardToken, String upstreamTarget) {
    return new HostileCase(label, latin1(request), forwardToken, upstreamTarget, false);
  }

  /** Text to bytes, one char to one byte: callers put raw UTF-8 in with {@link #utf8AsLatin1}. */
  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The UTF-8 bytes of {@code s} as one char per byte, so that {@link #latin1} sends them raw. */
  static String utf8AsLatin1(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    String head = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1)
        .replace("\r", "\\r")
        .replace("\n", "\\n\n    ");
    return label + " (" + bytes.length + " bytes)\n    " + head + (bytes.length > 600 ? "..." : "");
  }
}
