package dev.keapgw.gateway.trigger;

import dev.keapgw.gateway.crypto.SecretBox;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Destination signing secrets: {@code whsec_} and 32 random bytes in standard base64, as the
 * Standard Webhooks libraries expect. Stored sealed, bound to their destination; shown once
 * (on create and rotate) and masked afterwards.
 */
public final class Secrets {
  public static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static String generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key bytes a secret stands for: the base64 after the prefix. */
  public static byte[] keyBytes(String secret) {
    String b64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    return Base64.getDecoder().decode(b64);
  }

  /** What a read shows instead of the secret: the prefix and its last four characters. */
  public static String masked(String secret) {
    return PREFIX + "****" + secret.substring(Math.max(PREFIX.length(), secret.length() - 4));
  }

  public static String seal(SecretBox box, String destinationId, String secret) {
    return box.seal(secret, SecretBox.destinationSecret(destinationId));
  }

  public static String open(SecretBox box, Destination d) {
    return open(box, d.id(), d.secretSealed());
  }

  public static String open(SecretBox box, String destinationId, String sealed) {
    return box.open(sealed, SecretBox.destinationSecret(destinationId));
  }
}
