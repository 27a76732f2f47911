package dev.keapgw.sandbox.emails;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Email bodies as {@code emails:send} takes them and {@code GET /emails/{id}} returns them:
 * Base64 of UTF-8 text. Keap also takes raw text without complaint (the recipient then gets
 * the markup as written), so a value counts as Base64 only when it is padded Base64 (line
 * breaks allowed) that decodes to valid UTF-8; anything else is taken as the text itself.
 */
final class EmailContent {
  private EmailContent() {}

  /** The content as Base64, encoding raw text that was sent as is. */
  static String asBase64(String value) {
    if (value.isEmpty()) {
      return "";
    }
    Optional<byte[]> decoded = decodeStrict(value);
    if (decoded.isPresent() && isUtf8(decoded.get())) {
      return Base64.getEncoder().encodeToString(decoded.get());
    }
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes padded Base64, ignoring line breaks; empty when the value is not Base64. */
  static Optional<byte[]> decodeStrict(String value) {
    String compact = value.replace("\r", "").replace("\n", "");
    if (compact.isEmpty() || compact.length() % 4 != 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(compact));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
