package dev.keapgw.app;

import dev.keapgw.gateway.config.EncryptionKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code --encryption-key} and {@code --old-encryption-keys}. The key is the path of a
 * file, or 32 random bytes in base64 itself. A file may hold several keys, one per line (the
 * primary first, the rest old keys kept to decrypt during a rotation, {@code #} comments
 * allowed); old keys may also come as a comma-separated list. A key file other users may read
 * is refused. Errors never repeat a value, which may be a key.
 */
final class EncryptionKeyOption {
  /** How to make a key, for messages. */
  static final String HOW_TO_MAKE = "make one with `openssl rand -base64 32`";

  /** What is wrong, and with which option. */
  static final class Problem extends IllegalArgumentException {
    final String option;

    Problem(String option, String message) {
      super(message);
      this.option = option;
    }
  }

  private EncryptionKeyOption() {}

  /**
   * @param oldKeys comma-separated base64 keys kept only to decrypt, or null
   * @throws Problem naming the option at fault and what is wrong, without the value
   */
  static EncryptionKeys read(String value, String oldKeys) {
    String v = value.strip();
    Path file = asFile(v);
    List<String> keys;
    if (file != null) {
      if (readableByOthers(file)) {
        throw new Problem(
            "--encryption-key",
            "the key file " + file + " may be read by other users:"
                + " make it the owner's only (chmod 600 " + file + ")");
      }
      try {
        keys = EncryptionKeys.splitKeys(Files.readString(file));
      } catch (IOException e) {
        throw new Problem(
            "--encryption-key",
            "cannot read the key file " + file + " (" + e.getClass().getSimpleName() + ")");
      }
      if (keys.isEmpty()) {
        throw new Problem(
            "--encryption-key", "the key file " + file + " holds no key; " + HOW_TO_MAKE);
      }
    } else {
      keys = List.of(v);
    }
    String primary = keys.get(0);
    try {
      EncryptionKeys.decode(primary);
    } catch (IllegalArgumentException e) {
      throw new Problem(
          "--encryption-key",
          (file != null
                  ? "the key file " + file + " does not start with a usable key"
                  : "it is neither an existing file nor a usable key in base64")
              + " (" + e.getMessage()
              + (e.getMessage().contains("openssl") ? "" : "; " + HOW_TO_MAKE) + ")");
    }
    List<String> olds = new ArrayList<>(keys.subList(1, keys.size()));
    if (oldKeys != null) {
      olds.addAll(EncryptionKeys.splitKeys(oldKeys));
    }
    for (int i = 0; i < olds.size(); i++) {
      try {
        EncryptionKeys.decode(olds.get(i));
      } catch (IllegalArgumentException e) {
        boolean fromFile = i < keys.size() - 1;
        throw new Problem(
            fromFile ? "--encryption-key" : "--old-encryption-keys",
            (fromFile
                    ? "old key " + (i + 2) + " in the key file " + file
                    : "old key " + (i - keys.size() + 2))
                + " is not usable (" + e.getMessage() + ")");
      }
    }
    return EncryptionKeys.of(primary, olds);
  }

  /** Whether users other than the owner may read (or change) the file; false where permissions are not POSIX. */
  private static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      return p.contains(PosixFilePermission.GROUP_READ)
          || p.contains(PosixFilePermission.OTHERS_READ)
          || p.contains(PosixFilePermission.GROUP_WRITE)
          || p.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
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
