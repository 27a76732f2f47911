package dev.keapgw.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing API keys. A key is {@code kgw_} and 32 random bytes; only its SHA-256 is
 * stored. A fast hash is enough because keys carry 256 bits of entropy: there is nothing to
 * guess. (The demo alone may register a key the user brings.)
 */
public final class KeySecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeySecrets() {}

  public static String newKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "kgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  public static String hash(String key) {
    MessageDigest md = SHA256.get();
    md.reset();
    return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
  }
}
