package dev.keapgw.gateway.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The caller's request target as the bytes it sent. The HTTP server reads each byte of the
 * request line as one character (ISO-8859-1) while the upstream client writes a target as
 * UTF-8, so raw non-ASCII bytes (which some clients send unencoded, e.g. {@code q=José}) would
 * reach the upstream changed: two bytes for é would become four. {@link #forUpstream} gives the
 * text whose UTF-8 form is exactly the caller's bytes; bytes that are not UTF-8 cannot be
 * carried that way, and such a request is refused rather than forwarded altered.
 */
final class RequestTarget {
  private RequestTarget() {}

  /** The target to hand the upstream client, or null when its bytes are not valid UTF-8. */
  static String forUpstream(String received) {
    int i = 0;
    while (i < received.length() && received.charAt(i) < 0x80) {
      i++;
    }
    if (i == received.length()) {
      return received;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(received.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
