package dev.keapgw.gateway.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random single-use tokens of the connect flow (connect-link sessions, OAuth states): 32 random
 * bytes in URL-safe base64, and the SHA-256 hex digest under which the store finds them. The
 * store never holds a token itself, only its digest (and, for sessions, a sealed copy).
 */
public final class OneTimeTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimeTokens() {}

  public static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
