package dev.keapgw.app;

import dev.keapgw.gateway.config.EncryptionKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads {@code --encryption-key}: the path of a file holding 32 random bytes in base64, or those
 * bytes in base64 themselves. Errors never repeat the value, which may be the key.
 */
final class EncryptionKeyOption {
  /** How to make a key, for messages. */
  static final String HOW_TO_MAKE = "make one with `openssl rand -base64 32`";

  private EncryptionKeyOption() {}

  /** @throws IllegalArgumentException saying what is wrong, without the value */
  static EncryptionKeys read(String value) {
    String v = value.strip();
    Path file = asFile(v);
    if (file != null) {
      String content;
      try {
        content = Files.readString(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the key file " + file + " ("
            + e.getClass().getSimpleName() + ")");
      }
      try {
        return EncryptionKeys.single(content);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the key file " + file + " does not hold a usable key: " + e.getMessage());
      }
    }
    try {
      return EncryptionKeys.single(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("it is neither an existing file nor a usable key in base64 ("
          + e.getMessage() + (e.getMessage().contains("openssl") ? "" : "; " + HOW_TO_MAKE) + ")");
    }
  }

  private static Path asFile(String v) {
    try {
      Path p = Path.of(v);
      return Files.isRegularFile(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
