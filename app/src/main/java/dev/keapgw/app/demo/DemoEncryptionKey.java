package dev.keapgw.app.demo;

import dev.keapgw.gateway.config.EncryptionKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo's encryption key: 32 random bytes made on the first start and kept, in base64, in
 * {@value #FILE} in the data directory (owner-only), so a restart opens the tokens sealed
 * before. {@code serve} never does this: there the operator brings the key.
 */
final class DemoEncryptionKey {
  static final String FILE = "encryption-key";
  /** The embedded store's file in a data directory (H2's name for it). */
  private static final String STORE_FILE = "gateway.mv.db";

  private DemoEncryptionKey() {}

  /**
   * The key in {@code dataDir}, made now if the directory has none. A directory that already
   * holds a gateway store but no demo key was not made by the demo (perhaps {@code serve}'s):
   * it is refused rather than mixed with demo data.
   */
  static EncryptionKeys loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    String existing = SecretFiles.read(file).orElse(null);
    if (existing == null) {
      if (Files.exists(dataDir.resolve(STORE_FILE))) {
        throw new IllegalStateException(dataDir.toAbsolutePath()
            + " holds a gateway store that the demo did not make" + " (it has no " + FILE
            + " file); give the demo a directory of its own with --data-dir");
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      existing = Base64.getEncoder().encodeToString(key);
      SecretFiles.write(file, existing);
    }
    try {
      return EncryptionKeys.single(existing);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the demo's key file " + file.toAbsolutePath() + " is damaged (" + e.getMessage()
              + "); delete the data directory to start the demo afresh",
          e);
    }
  }
}
